package org.liasse.api.report;

import java.util.List;

import org.liasse.api.definition.ReportDefinition;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Lists and generates the reports of active plugins. A campaign report reads the campaign in one scan (and year N-1
 * in a second one only when aggregates need it); a dossier report reads the organisation's dossiers of the campaign
 * year and the five previous years. Each generation is audited ({@code rapport.genere}). Refusals are
 * {@link org.liasse.api.error.LiasseException}s with a French message and a stable code: {@code rapport-inconnu}
 * and {@code dossier-inconnu} / {@code campagne-inconnue} (404), {@code rapport-national} (403),
 * {@code campagne-vide} (422), {@code rendu-indisponible} (503).
 */
@ProviderType
public interface ReportService {

    /** The dossier reports of the dossier's questionnaire. */
    List<ReportDefinition> dossierReports(long dossierId);

    /**
     * The campaign reports of the questionnaires a campaign collects.
     *
     * @param federation the caller's federation, {@code null} for a national operator: national reports are not
     *                   offered to a federation operator
     */
    List<ReportDefinition> campaignReports(int year, String federation);

    /** Reads one dossier report's data and records the generation. */
    GeneratedReport dossierReport(long dossierId, String code, ReportFormat format, String actor);

    /**
     * Reads one campaign report's data and records the generation.
     *
     * @param federation the caller's federation, {@code null} for a national operator: a federation operator's
     *                   report covers only its federation's organisations
     */
    GeneratedReport campaignReport(int year, String code, ReportFormat format, String federation, String actor);
}
