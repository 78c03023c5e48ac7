package org.liasse.api.workflow;

import java.time.LocalDate;

/**
 * Something that needs a user's action, shown in the web UI.
 *
 * @param kind              what is asked
 * @param year              campaign year
 * @param questionnaireCode questionnaire
 * @param dossierId         the dossier, {@code null} for {@link NotificationKind#TO_INITIALISE}
 * @param deadline          the questionnaire's deadline in the campaign
 * @param message           French text, e.g. « ER 2025 : à faire passer à l'étape « Signé » »
 */
public record Notification(NotificationKind kind, int year, String questionnaireCode, Long dossierId,
                           LocalDate deadline, String message) {
}
