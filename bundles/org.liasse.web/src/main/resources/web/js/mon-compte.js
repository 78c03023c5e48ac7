/** My account: identity, password change, personal API tokens (list, create – shown once –, revoke). */
import { t, formatDate, formatDateTime } from './messages-fr.js';
import { byId, el, fillTable, pageReady } from './dom.js';
import { request } from './api.js';
import { announce, onSubmit, silence } from './forms.js';
import { confirmAction } from './confirmation.js';
import { startPage } from './layout.js';
import { confirmationMatches } from './nouveau-mot-de-passe.js';

const session = await startPage();

const missing = t('compte.non-renseigne');
byId('identite-login').textContent = session.login;
byId('identite-prenom').textContent = session.firstName || missing;
byId('identite-nom').textContent = session.lastName || missing;
byId('identite-courriel').textContent = session.email || missing;
byId('identite-organisation').textContent = session.siren
  ? t('accueil.organisation', { name: session.organisationName || '', siren: session.siren })
  : t('accueil.operateur', { perimeter: session.federation || t('accueil.national') });

const passwordForm = byId('mot-de-passe');
onSubmit(passwordForm, async ({ currentPassword, newPassword }) => {
  const revokeTokens = byId('revoquer-jetons').checked;
  await request('PUT', '/me/password', { body: { currentPassword, newPassword, revokeTokens } });
  passwordForm.reset();
  announce(byId('mot-de-passe-messages'), 'succes',
    t(revokeTokens ? 'motdepasse.modifie-jetons-revoques' : 'motdepasse.modifie-jetons-conserves'));
}, {
  check: (values) => confirmationMatches({ password: values.newPassword, confirmation: values.confirmation }),
  aliases: { password: 'newPassword' },
  fallbackField: 'currentPassword',
});

const tokensRegion = byId('jetons-messages');

async function revoke(token, trigger) {
  silence(tokensRegion);
  if (!await confirmAction({ title: t('compte.jetons.confirmation-titre', { label: token.label }),
    text: t('compte.jetons.confirmation'), confirm: t('compte.jetons.confirmation-bouton'), trigger })) {
    return;
  }
  try {
    await request('DELETE', `/me/tokens/${encodeURIComponent(token.id)}`);
    announce(tokensRegion, 'succes', t('compte.jetons.revoque', { label: token.label }));
  } catch (error) {
    announce(tokensRegion, 'erreur', error.message);
    return;
  }
  await refreshTokens();
  byId('titre-jetons').focus();
}

async function showTokens() {
  const tokens = await request('GET', '/me/tokens');
  fillTable(byId('jetons').tBodies[0], tokens, (token) => el('tr', {},
    el('th', { scope: 'row', text: token.label }),
    el('td', { text: formatDateTime(token.createdAt) }),
    el('td', { text: formatDate(token.expiresAt) }),
    el('td', { text: formatDateTime(token.lastUsedAt, t('compte.jetons.jamais')) }),
    el('td', {}, el('button', {
      type: 'button',
      class: 'bouton-secondaire bouton-petit',
      'aria-label': t('compte.jetons.revoquer-libelle', { label: token.label }),
      text: t('compte.jetons.revoquer'),
      onClick: (event) => revoke(token, event.currentTarget),
    }))), t('compte.jetons.aucun'));
}

async function refreshTokens() {
  try {
    await showTokens();
  } catch (error) {
    announce(tokensRegion, 'erreur', error.message);
  }
}

async function copy(input) {
  try {
    await navigator.clipboard.writeText(input.value);
    announce(byId('nouveau-jeton-messages'), 'succes', t('compte.jetons.copie'));
  } catch {
    input.select();
    announce(byId('nouveau-jeton-messages'), 'info', t('compte.jetons.copie-impossible'));
  }
}

const tokenForm = byId('nouveau-jeton');
onSubmit(tokenForm, async ({ label, days }) => {
  const created = await request('POST', '/me/tokens', { body: { label, days: Number(days) } });
  tokenForm.reset();
  const secret = el('input', { type: 'text', id: 'jeton-cree', class: 'secret', readonly: true, value: created.token, 'aria-describedby': 'jeton-cree-aide' });
  announce(byId('nouveau-jeton-messages'), 'succes',
    el('p', { id: 'jeton-cree-aide', text: t('compte.jetons.cree', { label: created.label }) }),
    el('label', { for: 'jeton-cree', class: 'visuellement-cache', text: t('compte.jetons.valeur', { label: created.label }) }),
    secret,
    el('button', { type: 'button', class: 'bouton-secondaire bouton-petit', text: t('compte.jetons.copier'), onClick: () => copy(secret) }));
  await refreshTokens();
});

await refreshTokens();
pageReady();
