package org.liasse.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.GregorianCalendar;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * Declares a document PDF/A-2b, the archival form of PDF: version 1.7, XMP metadata matching the document
 * information, an sRGB output intent; in French, its title shown by readers. Its fonts must be embedded
 * ({@link PdfFonts}).
 */
public final class PdfArchive {

    private static final String SRGB = "sRGB IEC61966-2.1";
    private static final String PRODUCER = "Liasse";

    private PdfArchive() {
    }

    /**
     * Declares the document.
     *
     * @param title   its title
     * @param author  who it is from
     * @param subject what it is about
     * @param created when it was made (to the second)
     */
    public static void declare(PDDocument document, String title, String author, String subject,
                               ZonedDateTime created) {
        ZonedDateTime at = created.withNano(0);
        document.setVersion(1.7f);
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        catalog.setLanguage("fr-FR");
        PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
        preferences.setDisplayDocTitle(true);
        catalog.setViewerPreferences(preferences);

        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(author);
        info.setSubject(subject);
        info.setCreator(PRODUCER);
        info.setProducer(PRODUCER);
        info.setCreationDate(GregorianCalendar.from(at));

        String xmp = "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
            + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
            + "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\""
            + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\""
            + " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">"
            + "<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>"
            + "<dc:format>application/pdf</dc:format>"
            + "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml(title) + "</rdf:li></rdf:Alt></dc:title>"
            + "<dc:creator><rdf:Seq><rdf:li>" + xml(author) + "</rdf:li></rdf:Seq></dc:creator>"
            + "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml(subject)
            + "</rdf:li></rdf:Alt></dc:description>"
            + "<xmp:CreatorTool>" + PRODUCER + "</xmp:CreatorTool>"
            + "<xmp:CreateDate>" + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at) + "</xmp:CreateDate>"
            + "<pdf:Producer>" + PRODUCER + "</pdf:Producer>"
            + "</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>";
        try {
            PDMetadata metadata = new PDMetadata(document);
            metadata.importXMPMetadata(xmp.getBytes(StandardCharsets.UTF_8));
            catalog.setMetadata(metadata);
            PDOutputIntent intent = new PDOutputIntent(document,
                new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
            intent.setInfo(SRGB);
            intent.setOutputCondition(SRGB);
            intent.setOutputConditionIdentifier(SRGB);
            intent.setRegistryName("http://www.color.org");
            catalog.addOutputIntent(intent);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
