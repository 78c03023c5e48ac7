package org.liasse.api.definition;

import java.util.List;
import java.util.Map;

/**
 * Everything one plugin bundle declares, validated as a whole.
 *
 * @param questionnaires questionnaire versions
 * @param controls       business controls
 * @param reports        reports
 * @param rights         extra rights for the rights grid
 * @param mappings       import mappings of management-software exports
 * @param messages       translated messages: locale (e.g. {@code fr}) to key to text
 * @param aggregates     financial aggregates
 * @param workflows      workflow steps of questionnaires
 * @param syncMappings   cells brought in from other partners' servers
 */
public record PluginDefinitions(List<QuestionnaireDefinition> questionnaires, List<ControlDefinition> controls,
                                List<ReportDefinition> reports, List<RightDefinition> rights, List<MappingDefinition> mappings,
                                Map<String, Map<String, String>> messages, List<AggregateDefinition> aggregates,
                                List<WorkflowDefinition> workflows, List<SyncMappingDefinition> syncMappings) {

    /** Defensive copies. */
    public PluginDefinitions {
        questionnaires = List.copyOf(questionnaires);
        controls = List.copyOf(controls);
        reports = List.copyOf(reports);
        rights = List.copyOf(rights);
        mappings = List.copyOf(mappings);
        messages = Map.copyOf(messages);
        aggregates = List.copyOf(aggregates);
        workflows = List.copyOf(workflows);
        syncMappings = List.copyOf(syncMappings);
    }

    /** Definitions without aggregates, workflows nor sync mappings. */
    public PluginDefinitions(List<QuestionnaireDefinition> questionnaires, List<ControlDefinition> controls,
                             List<ReportDefinition> reports, List<RightDefinition> rights,
                             List<MappingDefinition> mappings, Map<String, Map<String, String>> messages) {
        this(questionnaires, controls, reports, rights, mappings, messages, List.of(), List.of(), List.of());
    }
}
