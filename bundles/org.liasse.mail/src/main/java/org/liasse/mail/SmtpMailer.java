package org.liasse.mail;

import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.liasse.api.error.LiasseException;
import org.liasse.api.identity.Mailer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends plain-text UTF-8 emails through the configured SMTP server. With no server configured, messages are not
 * sent and only their recipient and subject are logged (never their content, which may hold a secret link).
 */
@Component(service = Mailer.class, configurationPid = "org.liasse.mail", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SmtpMailer.Config.class)
public class SmtpMailer implements Mailer {

    /** SMTP settings ({@code etc/org.liasse.mail.cfg}). */
    @ObjectClassDefinition(name = "Liasse mail")
    public @interface Config {

        /** SMTP host; empty: do not send. */
        @AttributeDefinition(description = "Serveur SMTP (vide : pas d'envoi)")
        String host() default "";

        /** SMTP port. */
        @AttributeDefinition(description = "Port SMTP")
        int port() default 25;

        /** Sender address. */
        @AttributeDefinition(description = "Adresse d'expédition")
        String from() default "liasse@liasse.example";

        /** Require STARTTLS. */
        @AttributeDefinition(description = "Exiger STARTTLS")
        boolean starttls() default false;

        /** SMTP user, empty for none. */
        @AttributeDefinition(description = "Utilisateur SMTP")
        String username() default "";

        /** SMTP password. */
        @AttributeDefinition(description = "Mot de passe SMTP", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
        String password() default "";
    }

    private static final Logger LOG = LoggerFactory.getLogger(SmtpMailer.class);

    private final Smtp smtp;

    /** Prepares the mail session. */
    @Activate
    public SmtpMailer(Config config) {
        this.smtp = new Smtp(config);
    }

    @Override
    public void send(String to, String subject, String text) {
        if (!smtp.configured()) {
            LOG.warn("Aucun serveur SMTP configuré : courriel « {} » à {} non envoyé", subject, to);
            return;
        }
        try {
            smtp.send(session -> {
                MimeMessage message = new MimeMessage(session);
                message.setFrom(smtp.from());
                message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
                message.setSubject(subject, "UTF-8");
                message.setText(text, "UTF-8");
                return message;
            });
        } catch (MessagingException e) {
            LOG.warn("Échec d'envoi du courriel « {} » à {} : {}", subject, to, e.getMessage());
            throw new LiasseException(503, "courriel-indisponible",
                "Le courriel n'a pas pu être envoyé : le serveur de messagerie est injoignable. Rien n'a été enregistré.");
        }
    }
}
