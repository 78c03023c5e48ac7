package org.liasse.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.time.ZonedDateTime;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/** A document drawn with the shared fonts, declaration and tags is a valid PDF/A-2b. */
class PdfArchiveTest {

    private static byte[] document() throws Exception {
        try (PDDocument document = new PDDocument()) {
            PdfFonts fonts = PdfFonts.load(document);
            PdfTags tags = new PdfTags(document);
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            tags.page(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                PDStructureElement title = tags.element(StandardStructureTypes.H1, tags.body());
                tags.mark(content, title, () -> {
                    content.beginText();
                    content.setFont(fonts.bold(), 16);
                    content.newLineAtOffset(50, 780);
                    content.showText(PdfFonts.safe("Synthèse — 1\u202f234,50\u00a0€ l’an\tdernier ✓"));
                    content.endText();
                });
                PdfTags.artifact(content, () -> {
                    content.moveTo(50, 770);
                    content.lineTo(500, 770);
                    content.stroke();
                });
            }
            tags.finish();
            PdfArchive.declare(document, "Synthèse « test » & co", "Liasse", "Essai", ZonedDateTime.now());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void aDeclaredDocumentIsAValidPdfA2b() throws Exception {
        byte[] pdf = document();
        assertEquals(PDFAFlavour.PDFA_2_B, VeraPdf.flavour(pdf));
        assertEquals(List.of(), VeraPdf.failures(pdf));
    }

    @Test
    void safeTextKeepsNumbersTogetherAndReplacesWhatTheFontsLack() {
        assertEquals("1\u00a0234,50\u00a0€ l’an dernier", PdfFonts.safe("1\u202f234,50\u00a0€ l’an\tdernier"));
        assertEquals("?", PdfFonts.safe("\uD83D\uDE00"), "an emoji DejaVu Sans does not have");
    }
}
