/**
 * The one confirmation dialog of every page, asked before closing, reopening, deactivating, deleting, revoking,
 * removing or replacing something: a native modal <dialog> (the rest of the page is inert while it is open) named by
 * its title and described by the consequence; « Annuler » has the focus first, Échap cancels, and the focus goes back
 * to the button that opened it.
 */
import { t } from './messages-fr.js';
import { el } from './dom.js';

let dialog;

function build() {
  const title = el('h2', { id: 'confirmation-titre' });
  const text = el('p', { id: 'confirmation-texte' });
  const confirm = el('button', { type: 'button', id: 'confirmation-oui', class: 'bouton' });
  const cancel = el('button', { type: 'button', id: 'confirmation-non', class: 'bouton-secondaire',
    text: t('confirmation.annuler') });
  const node = el('dialog', { id: 'dialogue-confirmation', class: 'confirmation', 'aria-labelledby': 'confirmation-titre',
    'aria-describedby': 'confirmation-texte' }, title, text, el('div', { class: 'actions' }, confirm, cancel));
  confirm.addEventListener('click', () => node.close('oui'));
  cancel.addEventListener('click', () => node.close('non'));
  document.body.append(node);
  return { node, title, text, confirm, cancel };
}

/**
 * Asks for a confirmation; resolves to true when the person confirms, false when they cancel (button or Échap).
 *
 * @param title   the question, e.g. « Clore la campagne 2025 ? »
 * @param text    the consequence, e.g. « 842 organisations ne pourront plus saisir. »
 * @param confirm the label of the button that does it, e.g. « Clore la campagne »
 * @param trigger the element that opened the dialog, focused again when it closes
 */
export function confirmAction({ title, text, confirm, trigger }) {
  dialog ??= build();
  dialog.title.textContent = title;
  dialog.text.textContent = text;
  dialog.confirm.textContent = confirm;
  dialog.node.returnValue = '';
  return new Promise((resolve) => {
    dialog.node.addEventListener('close', () => {
      if (trigger?.isConnected) {
        trigger.focus();
      }
      resolve(dialog.node.returnValue === 'oui');
    }, { once: true });
    dialog.node.showModal();
    dialog.cancel.focus();
  });
}
