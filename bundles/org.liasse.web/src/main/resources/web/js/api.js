/**
 * Calls to the REST API (/api/v1): same-origin cookies, the CSRF header on every write, and RFC 9457 problems
 * turned into ProblemError.
 */
import { t } from './messages-fr.js';

const BASE = '/api/v1';
const LOGIN_PAGE = '/connexion.html';

/** A refusal of the API: HTTP status and problem document ({type, title, status, detail, code, errors}). */
export class ProblemError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || t('erreur.inattendue', { status }));
    this.status = status;
    this.problem = problem;
  }

  /** The per-field errors: [{field, code, message}]. */
  get errors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

let session;

/** The parameter of the login page that carries the page to open after sign-in. */
export const NEXT_PAGE = 'suite';
const SITE = 'https://liasse.invalid';

/**
 * The page to open after sign-in, from the login page's parameter: only a path of this site (a single "/" then
 * no "/" or "\\", nothing another origin or a script could hide), as the browser would resolve it; null otherwise.
 */
export function nextPage(path) {
  if (typeof path !== 'string' || !/^\/(?![/\\])[^\\\u0000-\u0020\u007f]*$/u.test(path)) {
    return null;
  }
  try {
    const url = new URL(path, SITE);
    return url.origin === SITE ? url.pathname + url.search + url.hash : null;
  } catch {
    return null;
  }
}

/**
 * Leaves for the login page, which opens the page left after sign-in; the returned promise never settles, so that
 * nothing else happens meanwhile.
 */
export function goToLogin(state) {
  const query = new URLSearchParams(state ? { etat: state } : {});
  query.set(NEXT_PAGE, window.location.pathname + window.location.search + window.location.hash);
  window.location.assign(`${LOGIN_PAGE}?${query}`);
  return new Promise(() => {});
}

/** The current session (SessionInfo), or null when nobody is signed in. Asked once per page. */
export async function currentSession() {
  if (session === undefined) {
    try {
      session = await request('GET', '/session', { anonymous: true });
    } catch (error) {
      if (error instanceof ProblemError && error.status === 401) {
        session = null;
      } else {
        throw error;
      }
    }
  }
  return session;
}

/** Remembers the session returned by a successful sign-in. */
export function rememberSession(info) {
  session = info;
}

/**
 * Sends a request and returns the parsed JSON body (null when there is none).
 * Options: body (an object sent as JSON, a string sent with `contentType`, or a File or Blob sent as it is),
 * ifMatch (a revision),
 * anonymous (a 401 is an answer to handle, not an expired session that leads to the login page).
 */
export async function request(method, path, options) {
  return (await requestTagged(method, path, options)).body;
}

/**
 * Sends a request like `request` and returns the parsed body with the answer's ETag, the revision to send back in
 * `ifMatch` (null when the answer has none).
 */
export async function requestTagged(method, path, { body, contentType, ifMatch, anonymous = false } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (method !== 'GET') {
    const known = await currentSession();
    if (known && known.csrfToken) {
      headers['X-CSRF-Token'] = known.csrfToken;
    }
  }
  let payload;
  if (body !== undefined) {
    const raw = body instanceof Blob;
    headers['Content-Type'] = contentType || (raw ? body.type || 'application/octet-stream' : 'application/json');
    payload = typeof body === 'string' || raw ? body : JSON.stringify(body);
  }
  if (ifMatch !== undefined && ifMatch !== null) {
    headers['If-Match'] = `"${ifMatch}"`;
  }
  let response;
  try {
    response = await fetch(BASE + path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ProblemError(0, { detail: t('erreur.reseau') });
  }
  if (response.status === 401 && !anonymous) {
    return goToLogin('expire');
  }
  const data = await readBody(response);
  if (!response.ok) {
    const problem = data && typeof data === 'object' ? data : {};
    throw new ProblemError(response.status, {
      ...problem,
      detail: problem.detail || (response.status === 409 ? t('erreur.conflit') : t('erreur.inattendue', { status: response.status })),
    });
  }
  const etag = response.headers.get('ETag');
  return { body: data, tag: etag ? etag.replace(/^W\//, '').replaceAll('"', '') : null };
}

async function readBody(response) {
  const text = await response.text();
  if (!text) {
    return null;
  }
  if (!(response.headers.get('Content-Type') || '').includes('json')) {
    return text;
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ProblemError(response.status, { detail: t('erreur.reponse-invalide') });
  }
}

/**
 * Downloads a file of the API (GET) and hands it to the browser under the name the server gives; a refusal becomes
 * a ProblemError, so that the page can explain it instead of leaving for a raw error document.
 */
export async function download(path) {
  let response;
  try {
    response = await fetch(BASE + path, { credentials: 'same-origin' });
  } catch {
    throw new ProblemError(0, { detail: t('erreur.reseau') });
  }
  if (response.status === 401) {
    return goToLogin('expire');
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new ProblemError(response.status, {
      ...problem, detail: problem.detail || t('erreur.inattendue', { status: response.status }),
    });
  }
  const disposition = response.headers.get('Content-Disposition') || '';
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = encoded ? decodeURIComponent(encoded[1]) : 'rapport';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  return link.download;
}
