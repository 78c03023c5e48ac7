package org.liasse.api.verification;

import java.time.Instant;

/**
 * Why a failing warning is acceptable, written by the organisation before transmission.
 *
 * @param control control code
 * @param text    the justification, in the user's words
 * @param actor   login of who wrote it
 * @param at      when
 */
public record Justification(String control, String text, String actor, Instant at) {
}
