package org.liasse.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.mail.Address;
import javax.mail.BodyPart;
import javax.mail.Message;
import javax.mail.Part;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liasse.api.error.LiasseException;
import org.liasse.api.transmission.DeliveryException;
import org.liasse.api.transmission.DeliveryReceipt;
import org.liasse.api.transmission.Parcel;
import org.liasse.api.transmission.ParcelFile;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** Email deliveries and the mailer through a real SMTP server (GreenMail) on a loopback port. */
class EmailChannelTest {

    private static final byte[] PDF = "%PDF-1.7 relevé signé\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] XML = "<?xml version=\"1.0\"?>\n<etat annee=\"2025\"/>\n"
        .getBytes(StandardCharsets.UTF_8);
    private static final Map<String, String> SETTINGS = Map.of("to", "depots@dhup.example; archives@dhup.example");

    private GreenMail mail;
    private EmailChannel channel;

    @BeforeEach
    void start() {
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        channel = new EmailChannel(config(Map.of("host", "127.0.0.1", "port", mail.getSmtp().getPort(),
            "from", "liasse@ministere.example")));
    }

    @AfterEach
    void stop() {
        mail.stop();
    }

    @Test
    void theParcelIsSentWithItsFilesAttachedAndAMessageIdDerivedFromItsKey() throws Exception {
        DeliveryReceipt receipt = channel.deliver(parcel("DHUP-2025-ER-000000018-1"), SETTINGS);

        assertTrue(receipt.reference().matches("<livraison\\.[0-9a-f]{40}@ministere\\.example>"), receipt.reference());
        assertEquals("Envoyé par courriel à depots@dhup.example, archives@dhup.example (2 fichiers, "
            + (PDF.length + XML.length) + " octets)", receipt.detail());
        MimeMessage[] received = mail.getReceivedMessages();
        assertEquals(2, received.length, "one copy per recipient mailbox");
        MimeMessage message = received[0];
        assertEquals(receipt.reference(), message.getMessageID());
        assertEquals("liasse@ministere.example", message.getFrom()[0].toString());
        assertEquals(List.of("depots@dhup.example", "archives@dhup.example"),
            Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Address::toString).toList());
        assertEquals("Liasse — ER 2025 — Office public de l'habitat du Val Fictif (SIREN 000000018)",
            message.getSubject());

        MimeMultipart content = (MimeMultipart) message.getContent();
        assertEquals(3, content.getCount());
        String text = (String) content.getBodyPart(0).getContent();
        assertTrue(text.contains("Office public de l'habitat du Val Fictif (SIREN 000000018) vous transmet son "
            + "questionnaire ER de la campagne 2025."), text);
        assertTrue(text.contains("Référence de la transmission : DHUP-2025-ER-000000018-1"), text);
        assertAttachment(content.getBodyPart(1), "ER-2025-000000018.pdf", "application/pdf", PDF);
        assertAttachment(content.getBodyPart(2), "ER-2025-000000018.xml", "application/xml", XML);
    }

    @Test
    void sendingTheSameParcelAgainCarriesTheSameMessageId() throws Exception {
        Map<String, String> settings = Map.of("to", "depots@dhup.example");
        DeliveryReceipt first = channel.deliver(parcel("DHUP-2025-ER-000000018-1"), settings);
        DeliveryReceipt again = channel.deliver(parcel("DHUP-2025-ER-000000018-1"), settings);
        DeliveryReceipt other = channel.deliver(parcel("DHUP-2025-ER-000000018-2"), settings);

        assertEquals(first, again);
        assertFalse(first.reference().equals(other.reference()));
        List<String> received = new ArrayList<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            received.add(message.getMessageID());
        }
        assertEquals(List.of(first.reference(), first.reference(), other.reference()), received);
    }

    @Test
    void withNoSmtpServerConfiguredTheDeliveryWaits() {
        EmailChannel unconfigured = new EmailChannel(config(Map.of()));

        DeliveryException failure = assertThrows(DeliveryException.class,
            () -> unconfigured.deliver(parcel("DHUP-2025-ER-000000018-1"), SETTINGS));

        assertFalse(failure.permanent());
        assertEquals("Aucun serveur SMTP n'est configuré (etc/org.liasse.mail.cfg) : le courriel partira quand il le "
            + "sera.", failure.getMessage());
    }

    @Test
    void anSmtpServerDownIsARetryableFailure() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        EmailChannel down = new EmailChannel(config(Map.of("host", "127.0.0.1", "port", port)));

        DeliveryException failure = assertThrows(DeliveryException.class,
            () -> down.deliver(parcel("DHUP-2025-ER-000000018-1"), SETTINGS));

        assertFalse(failure.permanent());
        assertTrue(failure.getMessage().startsWith("Le serveur SMTP 127.0.0.1:" + port + " n'a pas pris le courriel"),
            failure.getMessage());
    }

    @Test
    void settingsAreChecked() {
        assertEquals(List.of(), channel.check(SETTINGS));
        assertEquals(List.of("L'adresse du destinataire (to) est obligatoire."), channel.check(Map.of()));
        assertEquals(List.of("Adresse du destinataire invalide : « depots@dhup.example, pas une adresse »."),
            channel.check(Map.of("to", "depots@dhup.example, pas une adresse")));
    }

    @Test
    void theMailerSharesTheSession() throws Exception {
        new SmtpMailer(config(Map.of("host", "127.0.0.1", "port", mail.getSmtp().getPort())))
            .send("admin@ofh.example", "Activation de votre compte", "Bonjour,\nvoici votre lien.");

        MimeMessage message = mail.getReceivedMessages()[0];
        assertEquals("Activation de votre compte", message.getSubject());
        assertEquals("Bonjour,\r\nvoici votre lien.", ((String) message.getContent()).trim());
        LiasseException failure = assertThrows(LiasseException.class,
            () -> new SmtpMailer(config(Map.of("host", "127.0.0.1", "port", 1))).send("a@b.example", "s", "t"));
        assertEquals("courriel-indisponible", failure.code());
    }

    private static void assertAttachment(BodyPart part, String name, String type, byte[] content) throws Exception {
        assertEquals(Part.ATTACHMENT, part.getDisposition());
        assertEquals(name, part.getFileName());
        assertTrue(part.getContentType().startsWith(type), part.getContentType());
        assertArrayEquals(content, part.getInputStream().readAllBytes());
    }

    private static Parcel parcel(String key) {
        return new Parcel(key, "DHUP", "000000018", "Office public de l'habitat du Val Fictif", 2025, "ER",
            List.of(new ParcelFile("ER-2025-000000018.pdf", "application/pdf", PDF),
                new ParcelFile("ER-2025-000000018.xml", "application/xml", XML)));
    }

    private static SmtpMailer.Config config(Map<String, Object> values) {
        return (SmtpMailer.Config) Proxy.newProxyInstance(SmtpMailer.Config.class.getClassLoader(),
            new Class<?>[] {SmtpMailer.Config.class},
            (proxy, method, args) -> values.getOrDefault(method.getName(), method.getDefaultValue()));
    }
}
