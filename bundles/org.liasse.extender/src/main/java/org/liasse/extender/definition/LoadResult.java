package org.liasse.extender.definition;

import java.util.List;
import org.liasse.api.definition.DefinitionProblem;
import org.liasse.api.definition.PluginDefinitions;
import org.liasse.extender.control.RuleSet;

/** Outcome of {@link DefinitionLoader#load}: every definition is valid, or the whole plugin is rejected. */
public sealed interface LoadResult {

    /**
     * All definitions of the plugin are valid and may be activated together.
     *
     * @param definitions the validated definitions
     * @param rules       its controls and aggregates, parsed and checked, for compiled plans
     * @param examples    codes of the example datasets that ran and gave the expected outcomes
     */
    record Loaded(PluginDefinitions definitions, RuleSet rules, List<String> examples) implements LoadResult {

        /** Defensive copy. */
        public Loaded {
            examples = List.copyOf(examples);
        }
    }

    /**
     * The plugin is rejected.
     *
     * @param problems every problem found, sorted by file, then line and column
     */
    record Rejected(List<DefinitionProblem> problems) implements LoadResult {

        /** Defensive copy. */
        public Rejected {
            problems = List.copyOf(problems);
        }
    }
}
