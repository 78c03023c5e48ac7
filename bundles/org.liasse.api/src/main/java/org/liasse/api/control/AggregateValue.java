package org.liasse.api.control;

import java.math.BigDecimal;

/**
 * The value of an aggregate for one dossier.
 *
 * @param code        aggregate code
 * @param label       French label
 * @param group       group (tab) it is shown in, empty when none
 * @param unit        unit, empty when none
 * @param value       exact value, {@code null} when empty (a cell it needs is empty, or a division by zero)
 * @param error       why it could not be computed, empty when it could
 * @param ruleVersion plugin that declares it and its version
 */
public record AggregateValue(String code, String label, String group, String unit, BigDecimal value, String error,
                             String ruleVersion) {
}
