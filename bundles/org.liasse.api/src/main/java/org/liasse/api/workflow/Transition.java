package org.liasse.api.workflow;

import java.time.Instant;

/**
 * One change of step of a dossier, as kept in its history.
 *
 * @param from   step left
 * @param to     step entered
 * @param kind   advance, reopening or sending back
 * @param actor  login of who did it
 * @param at     when
 * @param reason why (mandatory when sending back), empty when none was given
 */
public record Transition(String from, String to, TransitionKind kind, String actor, Instant at, String reason) {
}
