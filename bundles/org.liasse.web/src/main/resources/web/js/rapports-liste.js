/**
 * What the report pages share: the table of the reports offered, with one download button per format; the file is
 * fetched, then saved under its name, and the live region says which file was downloaded or why it was refused.
 */
import { t } from './messages-fr.js';
import { el, fillTable } from './dom.js';
import { download } from './api.js';
import { announce } from './forms.js';

/** Fills a table body with reports; pathOf(report, format) gives the API path of a file. */
export function showReports(tbody, reports, pathOf, region) {
  fillTable(tbody, reports, (report) => el('tr', {},
    el('th', { scope: 'row', text: report.title }),
    el('td', { text: report.questionnaire }),
    el('td', { class: 'actions-ligne' }, report.formats.flatMap((format) => [el('button', {
      type: 'button',
      class: 'bouton-secondaire bouton-petit',
      'data-rapport': report.code,
      'data-format': format,
      'aria-label': t('rapports.telecharger-libelle', { title: report.title, format: format.toUpperCase() }),
      text: t('rapports.telecharger', { format: format.toUpperCase() }),
      onClick: async (event) => {
        const button = event.currentTarget;
        button.disabled = true;
        announce(region, 'info', t('rapports.preparation', { title: report.title }));
        try {
          const name = await download(pathOf(report, format));
          announce(region, 'succes', t('rapports.telecharge', { name }));
        } catch (error) {
          announce(region, 'erreur', error.message);
        } finally {
          button.disabled = false;
        }
      },
    }), ' ']))), t('rapports.aucun'));
}
