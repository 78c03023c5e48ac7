/** Activation of a new account: its first password, with the code received (activation.html?code=…). */
import { setUpNewPassword } from './nouveau-mot-de-passe.js';

setUpNewPassword({ param: 'code', endpoint: (code) => `/activations/${code}`, state: 'active' });
