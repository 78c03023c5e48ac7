package org.liasse.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liasse.api.error.LiasseException;
import org.liasse.api.signature.SignatureReport;
import org.liasse.api.signature.SignedStatement;
import org.liasse.api.signature.SigningCertificate;
import org.liasse.pdf.VeraPdf;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * Signs with a demo PKI generated in a temporary folder and a real timestamp authority served over HTTP on a
 * loopback port, then verifies what was signed, altered copies of it, and files that are not signed at all.
 */
class SignatureServiceTest {

    @TempDir
    static Path folder;

    private static HttpServer tsa;
    private static PlatformSignatureService service;
    private static SignedStatement signed;

    @BeforeAll
    static void signOnce() throws Exception {
        Fixtures.service(Fixtures.settings(folder, "http://127.0.0.1:1/tsa"));
        assertTrue(Files.isRegularFile(folder.resolve(DemoPki.SEAL_FILE)), "the demo PKI is created at activation");
        tsa = Fixtures.timestampServer(folder);
        service = Fixtures.service(Fixtures.settings(folder, Fixtures.url(tsa)));
        signed = service.sign(Fixtures.statement());
    }

    @AfterAll
    static void stop() {
        tsa.stop(0);
    }

    @Test
    void theSignedPdfIsAValidTaggedPdfA2bWithEmbeddedFonts() throws Exception {
        assertEquals(PDFAFlavour.PDFA_2_B, VeraPdf.flavour(signed.pdf()), "the PDF declares PDF/A-2b");
        assertEquals(List.of(), VeraPdf.failures(signed.pdf()), "veraPDF finds no failed rule");
        try (PDDocument document = Loader.loadPDF(signed.pdf())) {
            assertTrue(document.getDocumentCatalog().getMarkInfo().isMarked(), "tagged");
            assertNotNull(document.getDocumentCatalog().getStructureTreeRoot().getParentTree());
            assertEquals("fr-FR", document.getDocumentCatalog().getLanguage());
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded(), font.getName() + " is embedded");
                }
            }
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Exercice N Exercice N-1"), "a fiche as the table the user filled: " + text);
            assertTrue(text.contains("Loyers\nLOYERS\n1\u00a0250\u00a0000,00\u00a0€ 1\u00a0100\u00a0000,00\u00a0€"),
                "the row's label, its code in small, then its values in their columns: " + text);
            assertTrue(text.contains("Office public de l'habitat du Val Fictif — SIREN 000000018"), "page header");
            assertTrue(text.contains("Guide de saisie : Reprenez le compte de résultat approuvé par l’organe délibérant."),
                "the fiche's guide de saisie below its title: " + text);
            assertTrue(text.contains("Note — Loyers, Exercice N : Loyers quittancés, hors charges récupérables."),
                "the cell's guide de saisie as a note below its table: " + text);
        }
    }

    @Test
    void theBlankFormIsAValidPdfA2bTitledAsAFormNotAStatement() throws Exception {
        byte[] form = StatementPdf.form(Fixtures.statement());

        assertEquals(List.of(), VeraPdf.failures(form), "veraPDF finds no failed rule");
        try (PDDocument document = Loader.loadPDF(form)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Trame de saisie, à compléter"), text);
            assertTrue(text.contains("Liasse — trame du questionnaire ER, version 2025.1"), "page footer: " + text);
            assertTrue(text.contains("Note — Loyers, Exercice N : Loyers quittancés"), "the guide de saisie: " + text);
            for (String absent : List.of("Signé par", "État signé", "000000018", "Office public", "dossier n°")) {
                assertFalse(text.contains(absent), "a form names no dossier, organisation nor signer: " + absent);
            }
            assertTrue(document.getSignatureDictionaries().isEmpty(), "nothing is signed");
        }
    }

    @Test
    void theSignedPdfVerifies() throws Exception {
        SignatureReport report = service.verify(signed.pdf());
        assertTrue(report.valid(), report.problems().toString());
        assertEquals("PAdES", report.format());
        assertTrue(report.signer().contains("cachet de la plateforme"), report.signer());
        assertEquals("Élise Dupré-Çaërel (saisie.demo)", report.signedBy());
        assertEquals("Office public de l'habitat du Val Fictif (SIREN 000000018)", report.organisation());
        assertNotNull(report.timestampAt());
        assertTrue(Duration.between(report.signingTime(), report.timestampAt()).abs().toSeconds() < 60, report.toString());
        assertTrue(report.timestampAuthority().contains("horodatage"), report.timestampAuthority());
        assertTrue(Duration.between(report.timestampAt(), Instant.now()).abs().toMinutes() < 5);
        assertEquals("PAdES-B-LT / CAdES-B-LT", signed.level());
    }

    @Test
    void thePdfShowsTheStatementOnNumberedPagesAndIsAPadesSignature() throws Exception {
        try (PDDocument document = Loader.loadPDF(signed.pdf())) {
            int pages = document.getNumberOfPages();
            assertTrue(pages >= 3, "140 lines take several pages: " + pages);
            String text = new PDFTextStripper().getText(document);
            for (String expected : List.of("États réglementaires", "Office public de l'habitat du Val Fictif", "000000018",
                "États réglementaires 2025", "version 2025.1", "n° 4242, révision 7", "Élise Dupré-Çaërel (saisie.demo)",
                "12 mai 2025 à 11:30:00", "Bilan — exercice N (suite)", "« réévalué »", "140\u00a0000,25\u00a0€", "B140",
                "Aucune valeur.", "Page 1 / " + pages, "Page " + pages + " / " + pages)) {
                assertTrue(text.contains(expected), "missing: " + expected);
            }
            assertFalse(text.contains("140000.25"), "the PDF shows values for people, not as stored");
            PDSignature signature = document.getSignatureDictionaries().get(0);
            assertEquals("ETSI.CAdES.detached", signature.getSubFilter());
            assertTrue(signature.getReason().contains("Élise Dupré-Çaërel"), signature.getReason());
            assertNotNull(document.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.getPDFName("DSS")),
                "validation data in the DSS");
        }
    }

    @Test
    void theDataFileVerifiesAndHoldsTheJson() throws Exception {
        SignatureReport report = service.verify(signed.data());
        assertTrue(report.valid(), report.problems().toString());
        assertEquals("CAdES", report.format());
        assertEquals("Élise Dupré-Çaërel (saisie.demo)", report.signedBy());
        assertEquals("Office public de l'habitat du Val Fictif (SIREN 000000018)", report.organisation());
        assertEquals(signed.timestampAt(), report.timestampAt());
        assertTrue(Duration.between(report.signingTime(), report.timestampAt()).abs().toSeconds() < 60, report.toString());

        CMSSignedData cms = new CMSSignedData(signed.data());
        byte[] json = (byte[]) cms.getSignedContent().getContent();
        assertEquals(signed.dataDigest(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json)));
        assertEquals(2, cms.getCertificates().getMatches(null).size(), "seal and CA certificates");
        assertEquals(1, cms.getCRLs().getMatches(null).size(), "the CA's CRL");
        JsonNode root = new ObjectMapper().readTree(json);
        assertEquals(List.of("format", "dossier", "organisation", "campaign", "questionnaire", "signedBy", "signedAt", "sections"),
            iterable(root.fieldNames()));
        assertEquals("liasse-statement/1", root.path("format").asText());
        assertEquals(4242, root.path("dossier").path("id").asLong());
        assertEquals(7, root.path("dossier").path("revision").asLong());
        assertEquals("000000018", root.path("organisation").path("siren").asText());
        assertEquals(2025, root.path("campaign").asInt());
        assertEquals("2025.1", root.path("questionnaire").path("version").asText());
        assertEquals("saisie.demo", root.path("signedBy").path("login").asText());
        assertEquals("2025-05-12T09:30:00Z", root.path("signedAt").asText());
        assertEquals(4, root.path("sections").size());
        JsonNode line = root.path("sections").get(1).path("lines").get(139);
        assertEquals("B140", line.path("cell").asText());
        assertEquals("140000.25", line.path("value").asText());
        assertEquals(0, root.path("sections").get(3).path("lines").size());
    }

    @Test
    void alteredBytesOfTheDataFileAreDetectedEverywhere() throws Exception {
        byte[] data = signed.data();
        byte[] json = (byte[]) new CMSSignedData(data).getSignedContent().getContent();
        int contentEnd = indexOf(data, json) + json.length;
        TreeSet<Integer> positions = positions(data.length, 41);
        for (int i = 0; i < 64; i++) {
            positions.add(i);
        }
        for (int i = contentEnd; i < data.length; i += 2) {
            positions.add(i);
        }
        for (int position : positions) {
            assertAltered(data, position, "CAdES");
        }
    }

    @Test
    void alteredBytesOfThePdfAreDetectedEverywhere() throws Exception {
        byte[] pdf = signed.pdf();
        int[] range;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            range = document.getSignatureDictionaries().get(0).getByteRange();
        }
        TreeSet<Integer> positions = positions(pdf.length, pdf.length / 300);
        for (int i = range[1]; i < range[1] + 8000; i += 5) {
            positions.add(i);
        }
        positions.addAll(List.of(range[1] - 1, range[1] / 2, range[2] - 3, range[2] - 2, range[2] - 1, range[2], range[2] + 5,
            indexOf(pdf, "ETSI.CAdES.detached".getBytes(StandardCharsets.US_ASCII)) + 3,
            indexOf(pdf, "/ByteRange".getBytes(StandardCharsets.US_ASCII)) + 12,
            indexOf(pdf, "/DSS".getBytes(StandardCharsets.US_ASCII)) + 2));
        for (int position : positions) {
            assertAltered(pdf, position, null);
        }
    }

    @Test
    void anIncrementalUpdateAfterTheSignatureIsDetected() throws Exception {
        ByteArrayOutputStream updated = new ByteArrayOutputStream();
        try (PDDocument document = Loader.loadPDF(signed.pdf())) {
            try (PDPageContentStream content = new PDPageContentStream(document, document.getPage(0),
                PDPageContentStream.AppendMode.APPEND, true)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(300, 700);
                content.showText("Montant corrigé : 0");
                content.endText();
            }
            document.getPage(0).getCOSObject().setNeedToBeUpdated(true);
            document.saveIncremental(updated);
        }
        byte[] pdf = updated.toByteArray();
        assertTrue(pdf.length > signed.pdf().length);
        SignatureReport report = service.verify(pdf);
        assertFalse(report.valid());
        assertTrue(report.problems().get(0).startsWith("Le document a été modifié après la signature"), report.problems().toString());

        byte[] appended = concat(signed.pdf(), "\n% rien\n".getBytes(StandardCharsets.US_ASCII));
        assertFalse(service.verify(appended).valid());
    }

    @Test
    void anExpiredCertificateCannotSign() {
        Map<String, Object> settings = Fixtures.settings(folder, Fixtures.url(tsa));
        settings.put("keystore_alias", DemoPki.SEAL_EXPIRED);
        PlatformSignatureService expired = Fixtures.service(settings);
        LiasseException refusal = assertThrows(LiasseException.class, () -> expired.sign(Fixtures.statement()));
        assertEquals(409, refusal.status());
        assertEquals("certificat-expire", refusal.code());
        assertEquals("expire", expired.certificate().status());
    }

    @Test
    void aRevokedCertificateCannotSign() {
        Map<String, Object> settings = Fixtures.settings(folder, Fixtures.url(tsa));
        settings.put("keystore_alias", DemoPki.SEAL_REVOKED);
        PlatformSignatureService revoked = Fixtures.service(settings);
        LiasseException refusal = assertThrows(LiasseException.class, () -> revoked.sign(Fixtures.statement()));
        assertEquals(409, refusal.status());
        assertEquals("certificat-revoque", refusal.code());
        assertEquals("revoque", revoked.certificate().status());
    }

    @Test
    void aMissingCertificateCannotSign() {
        Map<String, Object> settings = Fixtures.settings(folder, Fixtures.url(tsa));
        settings.put("keystore_alias", "inconnu");
        PlatformSignatureService absent = Fixtures.service(settings);
        LiasseException refusal = assertThrows(LiasseException.class, () -> absent.sign(Fixtures.statement()));
        assertEquals("certificat-absent", refusal.code());
        SigningCertificate certificate = absent.certificate();
        assertEquals("absent", certificate.status());
        assertNull(certificate.subject());
    }

    @Test
    void theConfiguredCertificateIsReported() {
        SigningCertificate certificate = service.certificate();
        assertEquals("valide", certificate.status());
        assertTrue(certificate.subject().contains("cachet de la plateforme"), certificate.subject());
        assertTrue(certificate.issuer().contains("AC de démonstration"), certificate.issuer());
        assertTrue(certificate.notAfter().isAfter(Instant.now().plus(Duration.ofDays(700))));
    }

    @Test
    void noTimestampAuthorityNoSignature() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        PlatformSignatureService down = Fixtures.service(Fixtures.settings(folder, "http://127.0.0.1:" + closed + "/tsa"));
        LiasseException refusal = assertThrows(LiasseException.class, () -> down.sign(Fixtures.statement()));
        assertEquals(503, refusal.status());
        assertEquals("horodatage-indisponible", refusal.code());
    }

    @Test
    void aSignatureByAnotherAuthorityOfTheSameNameIsNotTrusted(@TempDir Path other) {
        Map<String, Object> settings = Fixtures.settings(other, Fixtures.url(tsa));
        Fixtures.service(settings);
        settings.put("trust_anchors", folder.resolve(DemoPki.CA_FILE).toString());
        settings.put("crl_files", folder.resolve(DemoPki.CRL_FILE).toString());
        SignedStatement impostor = Fixtures.service(settings).sign(Fixtures.statement());
        for (byte[] file : List.of(impostor.pdf(), impostor.data())) {
            SignatureReport report = service.verify(file);
            assertFalse(report.valid());
            assertTrue(report.problems().contains("Le certificat du signataire n'est pas émis par une autorité de confiance."),
                report.problems().toString());
        }
    }

    @Test
    void filesThatAreNotSignedAreSaidSo() throws Exception {
        byte[] unsigned = StatementPdf.render(Fixtures.statement(), List.of(), List.of());
        byte[] notDer = signed.data().clone();
        notDer[0] = 0x31;
        for (byte[] file : List.of(new byte[0], "bonjour".getBytes(StandardCharsets.UTF_8), new byte[] {0x30, (byte) 0x82, 1, 0},
            "%PDF-1.7\nrien".getBytes(StandardCharsets.US_ASCII), unsigned, notDer)) {
            SignatureReport report = service.verify(file);
            assertFalse(report.valid());
            assertFalse(report.problems().isEmpty());
        }
        SignatureReport report = service.verify("bonjour".getBytes(StandardCharsets.UTF_8));
        assertNull(report.format());
        assertEquals(List.of("Le fichier n'est ni un PDF signé ni un fichier de données signé (CMS)."), report.problems());
        assertEquals(List.of("Ce PDF ne porte aucune signature électronique."), service.verify(unsigned).problems());
    }

    @Test
    void theTimestampAuthorityRejectsGarbage() throws Exception {
        TimestampAuthority authority = new TimestampAuthority(
            new PkiFiles(Fixtures.config(Fixtures.settings(folder, ""))).tsa().orElseThrow());
        TimeStampResponse response = new TimeStampResponse(authority.respond(new byte[] {1, 2, 3}));
        assertEquals(PKIStatus.REJECTION, response.getStatus());
        assertNull(response.getTimeStampToken());
    }

    /** Flips one byte and expects an invalid report with a French reason, never an exception. */
    private static void assertAltered(byte[] file, int position, String format) {
        byte[] altered = file.clone();
        altered[position] ^= (byte) 0x5A;
        SignatureReport report = service.verify(altered);
        assertFalse(report.valid(), "byte " + position + " of " + file.length + " altered, still valid");
        assertFalse(report.problems().isEmpty());
        if (format != null && report.format() != null) {
            assertEquals(format, report.format());
        }
    }

    /** Every {@code step}-th position, plus the first and last ten. */
    private static TreeSet<Integer> positions(int length, int step) {
        TreeSet<Integer> positions = new TreeSet<>();
        for (int i = 0; i < length; i += Math.max(1, step)) {
            positions.add(i);
        }
        for (int i = 0; i < 10; i++) {
            positions.add(i);
            positions.add(length - 1 - i);
        }
        return positions;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> result = new ArrayList<>();
        names.forEachRemaining(result::add);
        return result;
    }

}
