package org.liasse.delivery;

import java.util.List;
import java.util.Map;

import org.liasse.api.transmission.DeliveryException;

/** Reading a recipient's channel settings. */
final class Settings {

    private Settings() {
    }

    /** A setting, trimmed, empty when absent. */
    static String get(Map<String, String> settings, String name) {
        String value = settings.get(name);
        return value == null ? "" : value.trim();
    }

    /**
     * Fails when the settings have problems. Retryable: the operator can fix the recipient's settings and the next
     * attempt reads them again.
     */
    static void require(List<String> problems) throws DeliveryException {
        if (!problems.isEmpty()) {
            throw new DeliveryException("Paramètres du destinataire invalides : " + String.join(" ", problems), false,
                null);
        }
    }
}
