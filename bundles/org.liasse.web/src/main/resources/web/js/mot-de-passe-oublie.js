/** Forgotten password: asks for a reset link. The answer is the same whether the account exists or not. */
import { t } from './messages-fr.js';
import { byId, pageReady } from './dom.js';
import { request } from './api.js';
import { announce, onSubmit } from './forms.js';

const form = byId('oubli');

onSubmit(form, async ({ identifier }) => {
  await request('POST', '/password-resets', { body: { identifier }, anonymous: true });
  announce(byId('oubli-messages'), 'succes', t('oubli.envoye', { identifier }));
  form.reset();
});
pageReady();
