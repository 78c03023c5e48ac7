package org.liasse.mail;

import java.util.Properties;

import javax.mail.MessagingException;
import javax.mail.PasswordAuthentication;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

/**
 * The SMTP server of {@code etc/org.liasse.mail.cfg} and its Jakarta Mail session, shared by the mailer and the
 * email delivery channel.
 */
final class Smtp {

    /** Builds a message in the session. */
    interface Composer {

        /** The message to send. */
        MimeMessage compose(Session session) throws MessagingException;
    }

    private final SmtpMailer.Config config;
    private final Session session;

    /** Prepares the session: timeouts, STARTTLS, authentication when a user is set. */
    Smtp(SmtpMailer.Config config) {
        this.config = config;
        Properties properties = new Properties();
        properties.put("mail.smtp.host", config.host());
        properties.put("mail.smtp.port", Integer.toString(config.port()));
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.starttls.enable", Boolean.toString(config.starttls()));
        properties.put("mail.smtp.starttls.required", Boolean.toString(config.starttls()));
        boolean auth = !config.username().isBlank();
        properties.put("mail.smtp.auth", Boolean.toString(auth));
        this.session = Session.getInstance(properties, auth ? new javax.mail.Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(config.username(), config.password());
            }
        } : null);
    }

    /** Whether a server is configured; with none, nothing can be sent. */
    boolean configured() {
        return !config.host().isBlank();
    }

    /** The sender address. */
    InternetAddress from() throws AddressException {
        return new InternetAddress(config.from());
    }

    /** {@code host:port}, for messages. */
    String server() {
        return config.host() + ":" + config.port();
    }

    /**
     * Composes and sends a message with Jakarta Mail's class loader as the context class loader, through which it
     * finds its providers and content handlers.
     */
    void send(Composer composer) throws MessagingException {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(Session.class.getClassLoader());
        try {
            Transport.send(composer.compose(session));
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
