/**
 * The contact block of the partner's support service (GET /contact, public), shown on the help pages, the sign-in
 * page and the not-found page: its name, email, phone, opening hours and information page, those configured.
 */
import { t } from './messages-fr.js';
import { el, replaceChildren } from './dom.js';
import { request } from './api.js';

function line(label, value, href) {
  return value ? el('li', {}, t(label), href ? el('a', { href, text: value }) : value) : null;
}

/** Fills the node with the support service's details, or says they cannot be shown now. */
export async function showContact(node) {
  try {
    const contact = await request('GET', '/contact', { anonymous: true });
    replaceChildren(node,
      el('p', {}, el('strong', { text: contact.service })),
      el('ul', { class: 'coordonnees' },
        line('contact.courriel', contact.email, `mailto:${contact.email}`),
        line('contact.telephone', contact.phone, `tel:${contact.phone.replaceAll(' ', '')}`),
        line('contact.horaires', contact.hours),
        contact.url ? el('li', {}, el('a', { href: contact.url, text: t('contact.site') })) : null));
  } catch {
    replaceChildren(node, el('p', { text: t('contact.indisponible') }));
  }
}
