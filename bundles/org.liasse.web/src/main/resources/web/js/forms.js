/**
 * Forms: required fields, errors shown both in the message region of the form (a live region named by its
 * data-messages attribute) and next to each field (aria-invalid + aria-describedby), success messages.
 */
import { t } from './messages-fr.js';
import { el, replaceChildren } from './dom.js';
import { ProblemError } from './api.js';

function regionOf(form) {
  return document.getElementById(form.dataset.messages);
}

function errorId(field) {
  return `${field.id}-erreur`;
}

function describedBy(field) {
  return (field.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
}

function labelOf(field) {
  const label = field.labels && field.labels[0];
  return label ? label.firstChild.textContent.trim() : field.name;
}

function namedField(form, name) {
  const field = name ? form.elements.namedItem(name) : null;
  return field instanceof HTMLElement && field.id ? field : null;
}

/** Shows a message in a live region: kind is "erreur", "succes" or "info". */
export function announce(region, kind, ...nodes) {
  region.className = `message message-${kind}`;
  replaceChildren(region, nodes.map((node) => (typeof node === 'string' ? el('p', { text: node }) : node)));
}

/** Empties a live region. */
export function silence(region) {
  region.className = 'message';
  replaceChildren(region);
}

/** Removes every message of a form. */
export function clearMessages(form) {
  silence(regionOf(form));
  for (const field of form.querySelectorAll('[aria-invalid]')) {
    const id = errorId(field);
    document.getElementById(id)?.remove();
    const remaining = describedBy(field).filter((ref) => ref !== id);
    if (remaining.length) {
      field.setAttribute('aria-describedby', remaining.join(' '));
    } else {
      field.removeAttribute('aria-describedby');
    }
    field.removeAttribute('aria-invalid');
  }
}

/** Marks a field invalid and writes the message just above it, tied to it by aria-describedby. */
export function setFieldError(field, message) {
  const id = errorId(field);
  let text = document.getElementById(id);
  if (!text) {
    text = el('p', { id, class: 'erreur-champ' });
    field.before(text);
  }
  text.textContent = message;
  field.setAttribute('aria-invalid', 'true');
  if (!describedBy(field).includes(id)) {
    field.setAttribute('aria-describedby', [...describedBy(field), id].join(' '));
  }
}

/**
 * Shows errors: the summary in the live region, each field error next to its field, then focus on the first
 * invalid field. errors: [{field, message}]. Options: aliases maps a field name of the API to a field of the form;
 * fallbackField receives the summary when no error names a field of the form.
 */
export function showErrors(form, detail, errors, { aliases = {}, fallbackField } = {}) {
  const byField = new Map();
  const general = [];
  for (const error of errors) {
    const field = namedField(form, aliases[error.field] ?? error.field);
    if (field) {
      byField.set(field, [...(byField.get(field) || []), error.message]);
    } else if (error.message) {
      general.push(error.message);
    }
  }
  const placed = [...byField].map(([field, messages]) => ({ field, message: messages.join(' ') }));
  for (const { field, message } of placed) {
    setFieldError(field, message);
  }
  const fallback = namedField(form, fallbackField);
  if (placed.length === 0 && fallback) {
    setFieldError(fallback, detail);
    placed.push({ field: fallback, message: detail });
  }
  const summary = [el('p', { text: detail })];
  const items = [
    ...placed.filter((item) => item.message !== detail)
      .map((item) => el('li', {}, el('a', { href: `#${item.field.id}`, text: item.message }))),
    ...general.map((message) => el('li', { text: message })),
  ];
  if (items.length) {
    summary.push(el('ul', {}, items));
  }
  announce(regionOf(form), 'erreur', ...summary);
  if (placed.length) {
    placed[0].field.focus();
  }
}

/** Shows a refusal of the API (or any other failure) on a form. */
export function showProblem(form, error, options = {}) {
  if (error instanceof ProblemError) {
    showErrors(form, error.message, error.errors, options);
  } else {
    showErrors(form, t('erreur.page'), [], options);
    throw error;
  }
}

/** The values of a form by field name; text is trimmed, passwords are kept as typed. */
export function values(form) {
  const result = {};
  for (const field of form.elements) {
    if (field.name && field.type !== 'file') {
      result[field.name] = field.type === 'password' ? field.value : field.value.trim();
    }
  }
  return result;
}

function missingFields(form) {
  return [...form.elements]
    .filter((field) => field.required && !(field.type === 'file' ? field.files.length : field.value.trim()))
    .map((field) => ({ field: field.name, message: t('champ.obligatoire', { label: labelOf(field) }) }));
}

/**
 * Marks a form busy while a request runs: a second submission is ignored. The buttons are only marked
 * aria-disabled, so that the keyboard focus stays where it is.
 */
export function setBusy(form, busy) {
  form.setAttribute('aria-busy', String(busy));
  for (const button of form.querySelectorAll('button')) {
    button.setAttribute('aria-disabled', String(busy));
  }
}

/**
 * Handles the submission of a form: clears the messages, checks required fields and the optional
 * check(values) (which returns [{field, message}]), then runs action(values) and shows any refusal.
 * Options are those of showErrors.
 */
export function onSubmit(form, action, { check, ...options } = {}) {
  form.noValidate = true;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (form.getAttribute('aria-busy') === 'true') {
      return;
    }
    clearMessages(form);
    const data = values(form);
    const errors = [...missingFields(form), ...(check ? check(data) : [])];
    if (errors.length) {
      showErrors(form, errors.length === 1 ? t('formulaire.erreur') : t('formulaire.erreurs', { count: errors.length }), errors, options);
      return;
    }
    setBusy(form, true);
    try {
      await action(data);
    } catch (error) {
      showProblem(form, error, options);
    } finally {
      setBusy(form, false);
    }
  });
}
