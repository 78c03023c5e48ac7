package org.liasse.api.audit;

import java.util.List;

/**
 * Result of walking the whole hash chain.
 *
 * @param intact   whether no entry was altered, removed or inserted
 * @param checked  number of entries checked
 * @param problems French description of each break, naming the sequence number
 */
public record AuditVerification(boolean intact, long checked, List<String> problems) {

    /** Defensive copy. */
    public AuditVerification {
        problems = List.copyOf(problems);
    }
}
