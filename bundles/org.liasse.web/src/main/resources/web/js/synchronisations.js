/** The sync log between servers, shown on the exchanges page and on a dossier's « Rapatrier » page. */
import { formatInstant, t } from './messages-fr.js';
import { el } from './dom.js';

/** One row of the sync log. */
export function syncRow(entry) {
  return el('tr', {},
    el('th', { scope: 'row' }, el('time', { datetime: entry.at, text: formatInstant(entry.at) })),
    el('td', { text: t(`echanges.sens.${entry.direction}`) }),
    el('td', { text: entry.peer }),
    el('td', { text: entry.siren || '' }),
    el('td', { text: entry.questionnaire ? `${entry.questionnaire} ${entry.year}` : '' }),
    el('td', { text: entry.actor || '' }),
    el('td', {}, el('span', { text: entry.result }), entry.detail ? el('span', { class: 'aide', text: ` — ${entry.detail}` }) : null),
    el('td', { class: 'code', text: entry.digest ? `${entry.digest.slice(0, 16)}…` : '' }));
}
