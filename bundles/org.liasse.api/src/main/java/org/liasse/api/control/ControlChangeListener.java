package org.liasse.api.control;

import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told by the extender when the controls or aggregates of questionnaires change: a plugin carrying rules was
 * activated, updated with different rules, or withdrawn. Register it as an OSGi service (whiteboard). It is called on
 * the extender's thread: hand long work (e.g. re-verifying a campaign) over to a thread of its own.
 */
@ConsumerType
public interface ControlChangeListener {

    /**
     * @param questionnaireCodes questionnaires whose rules really changed (their definitions differ)
     * @param trigger            the plugin that changed them and its version, e.g.
     *                           {@code org.liasse.ministry.er 1.1.0}, followed by {@code (retiré)} for a withdrawal
     */
    void controlsChanged(Set<String> questionnaireCodes, String trigger);
}
