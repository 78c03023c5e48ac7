package org.liasse.api.transmission;

/**
 * What the matrix means for one dossier and one target.
 *
 * @param target        recipient code or territorial kind, as in the matrix
 * @param recipientCode the recipient it resolves to for this organisation, empty when none is registered
 * @param recipientName its name, or a French description of what is missing
 * @param rule          mandatory or allowed (forbidden targets are not listed)
 * @param chosen        whether a delivery will go there: always for a mandatory one, the organisation's choice
 *                      for an allowed one
 * @param problem       French reason why it cannot be delivered (unresolved, inactive), empty when none
 */
public record EffectiveRecipient(String target, String recipientCode, String recipientName, RuleKind rule,
                                 boolean chosen, String problem) {
}
