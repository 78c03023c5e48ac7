/**
 * Choosing a password with a single-use code taken from the address (activation of a new account, or reset):
 * shared by activation.html and reinitialisation.html.
 */
import { t } from './messages-fr.js';
import { byId, pageReady, queryParam } from './dom.js';
import { request } from './api.js';
import { announce, onSubmit } from './forms.js';

/** Checks that the confirmation repeats the password. */
export function confirmationMatches({ password, confirmation }) {
  return password && confirmation && password !== confirmation
    ? [{ field: 'confirmation', message: t('motdepasse.confirmation') }]
    : [];
}

/**
 * Sets up the form: the code is read from the query parameter `param` and the password is posted to
 * endpoint(code), with the choice of revoking API tokens when the page offers it; on success the login page opens
 * with the message of `state`.
 */
export function setUpNewPassword({ param, endpoint, state }) {
  const form = byId('mot-de-passe');
  const code = queryParam(param);
  if (!code) {
    form.hidden = true;
    announce(byId('mot-de-passe-messages'), 'erreur', t('motdepasse.lien-incomplet'));
  } else {
    onSubmit(form, async ({ password }) => {
      const revoke = document.getElementById('revoquer-jetons');
      const body = revoke ? { password, revokeTokens: revoke.checked } : { password };
      await request('POST', endpoint(encodeURIComponent(code)), { body, anonymous: true });
      window.location.assign(`/connexion.html?etat=${state}`);
    }, { check: confirmationMatches });
  }
  pageReady();
}
