package org.liasse.api.identity;

import org.osgi.annotation.versioning.ConsumerType;

/** Sends plain-text emails through the configured SMTP server. */
@ConsumerType
public interface Mailer {

    /** Sends one message; throws {@link org.liasse.api.error.LiasseException} 503 when the server is unreachable. */
    void send(String to, String subject, String text);
}
