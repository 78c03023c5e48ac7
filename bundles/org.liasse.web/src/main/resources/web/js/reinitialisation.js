/** Reset of a forgotten password, with the token of the link received (reinitialisation.html?jeton=…). */
import { setUpNewPassword } from './nouveau-mot-de-passe.js';

setUpNewPassword({ param: 'jeton', endpoint: (token) => `/password-resets/${token}`, state: 'reinitialise' });
