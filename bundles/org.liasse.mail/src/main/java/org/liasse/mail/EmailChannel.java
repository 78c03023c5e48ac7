package org.liasse.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import javax.activation.DataHandler;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.SendFailedException;
import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;
import javax.mail.util.ByteArrayDataSource;

import org.liasse.api.transmission.DeliveryChannel;
import org.liasse.api.transmission.DeliveryException;
import org.liasse.api.transmission.DeliveryReceipt;
import org.liasse.api.transmission.Parcel;
import org.liasse.api.transmission.ParcelFile;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * Delivers parcels by email through the SMTP server of {@code etc/org.liasse.mail.cfg}, the files as attachments.
 * Setting: {@code to}, one or more addresses separated by commas or semicolons. Every sending of a parcel carries
 * the same {@code Message-ID}, derived from its key, so that the recipient's mail system can drop duplicates. With no
 * SMTP server configured, deliveries wait (retryable failure).
 */
@Component(service = DeliveryChannel.class, configurationPid = "org.liasse.mail",
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class EmailChannel implements DeliveryChannel {

    private final Smtp smtp;

    /** Prepares the mail session, with the same settings as the mailer. */
    @Activate
    public EmailChannel(SmtpMailer.Config config) {
        this.smtp = new Smtp(config);
    }

    @Override
    public String type() {
        return "email";
    }

    @Override
    public List<String> check(Map<String, String> settings) {
        List<String> problems = new ArrayList<>();
        String to = to(settings);
        if (to.isBlank()) {
            problems.add("L'adresse du destinataire (to) est obligatoire.");
        } else {
            try {
                recipients(to);
            } catch (AddressException e) {
                problems.add("Adresse du destinataire invalide : « " + to + " ».");
            }
        }
        return problems;
    }

    @Override
    public DeliveryReceipt deliver(Parcel parcel, Map<String, String> settings) throws DeliveryException {
        List<String> problems = check(settings);
        if (!problems.isEmpty()) {
            throw new DeliveryException("Paramètres du destinataire invalides : " + String.join(" ", problems), false,
                null);
        }
        if (!smtp.configured()) {
            throw new DeliveryException("Aucun serveur SMTP n'est configuré (etc/org.liasse.mail.cfg) : le courriel "
                + "partira quand il le sera.", false, null);
        }
        InternetAddress[] recipients;
        String messageId;
        try {
            recipients = recipients(to(settings));
            messageId = "<livraison." + sha256(parcel.idempotencyKey()).substring(0, 40) + "@"
                + smtp.from().getAddress().replaceFirst(".*@", "") + ">";
        } catch (AddressException e) {
            throw new DeliveryException("Adresse d'expédition invalide dans etc/org.liasse.mail.cfg : "
                + e.getMessage(), false, e);
        }
        String addresses = Arrays.stream(recipients).map(InternetAddress::getAddress)
            .collect(Collectors.joining(", "));
        try {
            smtp.send(session -> {
                MimeMessage message = new MimeMessage(session) {
                    @Override
                    protected void updateMessageID() throws MessagingException {
                        setHeader("Message-ID", messageId);
                    }
                };
                message.setFrom(smtp.from());
                message.setRecipients(Message.RecipientType.TO, recipients);
                message.setSubject("Liasse — " + parcel.questionnaire() + " " + parcel.year() + " — "
                    + parcel.organisationName() + " (SIREN " + parcel.siren() + ")", "UTF-8");
                MimeMultipart content = new MimeMultipart();
                MimeBodyPart text = new MimeBodyPart();
                text.setText(text(parcel, messageId), "UTF-8");
                content.addBodyPart(text);
                for (ParcelFile file : parcel.files()) {
                    MimeBodyPart attachment = new MimeBodyPart();
                    attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(file.content(),
                        file.mediaType())));
                    attachment.setFileName(file.name());
                    attachment.setDisposition(MimeBodyPart.ATTACHMENT);
                    // Base64 whatever the type: signed files must arrive byte for byte (no line-ending conversion).
                    attachment.setHeader("Content-Transfer-Encoding", "base64");
                    content.addBodyPart(attachment);
                }
                message.setContent(content);
                return message;
            });
        } catch (SendFailedException e) {
            if (e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0) {
                throw new DeliveryException("Le serveur SMTP " + smtp.server() + " refuse l'adresse "
                    + Arrays.toString(e.getInvalidAddresses()) + " : " + e.getMessage(), true, e);
            }
            throw unsent(e);
        } catch (MessagingException e) {
            throw unsent(e);
        }
        return new DeliveryReceipt(messageId, "Envoyé par courriel à " + addresses + " (" + summary(parcel) + ")");
    }

    private DeliveryException unsent(MessagingException e) {
        return new DeliveryException("Le serveur SMTP " + smtp.server() + " n'a pas pris le courriel : "
            + e.getMessage(), false, e);
    }

    private static String to(Map<String, String> settings) {
        String to = settings.get("to");
        return to == null ? "" : to.trim();
    }

    private static InternetAddress[] recipients(String to) throws AddressException {
        InternetAddress[] addresses = InternetAddress.parse(to.replace(';', ','), true);
        for (InternetAddress address : addresses) {
            address.validate();
        }
        if (addresses.length == 0) {
            throw new AddressException("aucune adresse", to);
        }
        return addresses;
    }

    private static String text(Parcel parcel, String messageId) {
        StringBuilder text = new StringBuilder("Bonjour,\n\n")
            .append(parcel.organisationName()).append(" (SIREN ").append(parcel.siren())
            .append(") vous transmet son questionnaire ").append(parcel.questionnaire())
            .append(" de la campagne ").append(parcel.year()).append(".\n\nPièces jointes :\n");
        for (ParcelFile file : parcel.files()) {
            text.append("- ").append(file.name()).append(" (").append(bytes(file.content().length))
                .append(", SHA-256 ").append(sha256(file.content())).append(")\n");
        }
        return text.append("\nRéférence de la transmission : ").append(parcel.idempotencyKey())
            .append("\nUn nouvel envoi de cette transmission porte le même identifiant de message ").append(messageId)
            .append(" : il peut être ignoré.\n\nCe courriel est envoyé automatiquement par Liasse.\n").toString();
    }

    /** « 2 fichiers, 48 213 octets ». */
    private static String summary(Parcel parcel) {
        int count = parcel.files().size();
        return count + " fichier" + (count > 1 ? "s" : "") + ", "
            + bytes(parcel.files().stream().mapToLong(file -> file.content().length).sum());
    }

    private static String bytes(long size) {
        return String.format(Locale.FRANCE, "%,d octet%s", size, size > 1 ? "s" : "");
    }

    private static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
