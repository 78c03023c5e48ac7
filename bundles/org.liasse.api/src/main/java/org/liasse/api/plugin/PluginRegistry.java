package org.liasse.api.plugin;

import java.util.List;
import java.util.Optional;

import org.liasse.api.definition.ControlDefinition;
import org.liasse.api.definition.MappingDefinition;
import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.api.definition.ReportDefinition;
import org.liasse.api.definition.RightDefinition;
import org.liasse.api.definition.SyncMappingDefinition;
import org.liasse.api.definition.WorkflowDefinition;
import org.liasse.api.dossier.CampaignQuestionnaire;
import org.osgi.annotation.versioning.ProviderType;

/** The definitions currently offered by plugins, kept by the core extender. */
@ProviderType
public interface PluginRegistry {

    /** Every plugin seen since start, sorted by id. */
    List<PluginInfo> plugins();

    /** One plugin by id. */
    Optional<PluginInfo> plugin(String id);

    /** An active questionnaire version. */
    Optional<QuestionnaireDefinition> questionnaire(String code, String version);

    /** The highest active version of a questionnaire that applies to a campaign year. */
    Optional<QuestionnaireDefinition> questionnaireForYear(String code, int year);

    /**
     * The questionnaire version a campaign collects: the version it names, else the highest active version for its
     * year; empty when that version is not active.
     */
    default Optional<QuestionnaireDefinition> collected(int year, CampaignQuestionnaire questionnaire) {
        return questionnaire.version() == null ? questionnaireForYear(questionnaire.code(), year)
            : questionnaire(questionnaire.code(), questionnaire.version());
    }

    /** Every active version of a questionnaire, oldest first. */
    List<QuestionnaireDefinition> questionnaireVersions(String code);

    /** Import mappings offered by active plugins for a questionnaire (the built-in mapping is not included). */
    List<MappingDefinition> mappings(String questionnaireCode);

    /** Mappings of cells brought in from other partners' servers, offered by active plugins for a questionnaire. */
    List<SyncMappingDefinition> syncMappings(String questionnaireCode);

    /** Extra rights declared by active plugins. */
    List<RightDefinition> rights();

    /** Reports declared by active plugins, by plugin id then in declaration order. */
    List<ReportDefinition> reports();

    /** Active controls of a questionnaire. */
    List<ControlDefinition> controls(String questionnaireCode);

    /**
     * The steps of a questionnaire's dossiers: the workflow an active plugin declares for it, else
     * {@link WorkflowDefinition#standard}.
     */
    WorkflowDefinition workflow(String questionnaireCode);

    /**
     * Restores the previous version of a plugin in one step: its definitions replace the active ones, the decision
     * is recorded with its audit entry ({@code plugin.retour-arriere}) in one transaction, and questionnaires whose
     * rules change are re-verified with the rules of that version.
     *
     * @param actor who asks for it, recorded with the decision
     * @return the plugin after the rollback
     * @throws org.liasse.api.error.LiasseException 404 for an unknown plugin, 409 when it has no previous version or
     *                                              that version is not installed and started, 422 when it is refused
     */
    PluginInfo rollback(String id, String actor);
}
