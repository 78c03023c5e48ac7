package org.liasse.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.liasse.api.definition.MappingDefinition;
import org.liasse.api.error.TooManyRequestsException;
import org.liasse.api.exchange.ExchangeFormat;
import org.liasse.api.exchange.ImportFile;
import org.liasse.api.exchange.ImportMessage;
import org.liasse.api.exchange.ImportedValue;

/** The streaming workbook reader on workbooks written by hand, and the limits of an import. */
class XlsxReaderTest {

    private static final MappingDefinition BUILT_IN = MappingDefinition.builtIn("QDIS");
    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /** A minimal workbook as other tools write them: inline texts, no shared strings, the given parts. */
    private static byte[] workbook(String rows, Map<String, String> extraParts) throws IOException {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
            <Default Extension="xml" ContentType="application/xml"/>
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
            <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
            </Types>""");
        parts.put("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
            </Relationships>""");
        parts.put("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <workbook xmlns="%s" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
            <sheets><sheet name="Feuille" sheetId="1" r:id="rId1"/></sheets></workbook>""".formatted(MAIN));
        parts.put("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
            %s
            </Relationships>""".formatted(extraParts.containsKey("xl/sharedStrings.xml")
            ? "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
            : ""));
        parts.put("xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN
            + "\"><sheetData>" + rows + "</sheetData></worksheet>");
        parts.putAll(extraParts);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }

    private static String inline(String reference, String text) {
        return "<c r=\"" + reference + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
    }

    private static final String HEADER = "<row r=\"1\">" + inline("A1", "cellule") + inline("B1", "valeur") + "</row>";

    private static ImportFile read(FileExchange exchange, byte[] workbook) {
        return exchange.read(ExchangeFormat.XLSX, new ByteArrayInputStream(workbook), BUILT_IN);
    }

    @Test
    void inlineTextsBooleansNumbersAndErrorsAreReadWithTheirPlace() throws IOException {
        byte[] workbook = workbook(HEADER
            + "<row r=\"3\">" + inline("A3", "A.B.NOM") + inline("B3", "Office <b>fictif</b>".replace("<", "&lt;")) + "</row>"
            + "<row r=\"4\">" + inline("A4", "A.B.C") + "<c r=\"B4\"><v>1234.5678901234567890</v></c></row>"
            + "<row r=\"5\">" + inline("A5", "A.B.D") + "<c r=\"B5\" t=\"b\"><v>1</v></c></row>"
            + "<row r=\"6\">" + inline("A6", "A.B.E") + "<c r=\"B6\" t=\"e\"><v>#DIV/0!</v></c></row>"
            + "<row r=\"7\"><c r=\"C7\"><v>5</v></c></row>"
            + "<row r=\"8\">" + inline("A8", "A.B.F") + "<c r=\"B8\"><v>1E-999999999</v></c></row>", Map.of());
        ImportFile file = read(new FileExchange(), workbook);
        assertEquals(List.of(new ImportedValue(3, 2, "A.B.NOM", "A.B.NOM", "Office <b>fictif</b>"),
            new ImportedValue(4, 2, "A.B.C", "A.B.C", "1234.567890123456789"),
            new ImportedValue(5, 2, "A.B.D", "A.B.D", "true"),
            new ImportedValue(8, 2, "A.B.F", "A.B.F", "1E-999999999")), file.values(),
            "exact digits, and a huge exponent kept as written for the format controls to refuse");
        assertEquals(List.of(new ImportMessage(6, 2, null, "xlsx-cellule-en-erreur",
            "La cellule du classeur contient une erreur de calcul (#DIV/0!, #N/A…).")), file.problems());
    }

    @Test
    void aSheetWithMoreCellsThanAllowedIsRefused() throws IOException {
        StringBuilder rows = new StringBuilder(HEADER);
        for (int r = 2; r < 200; r++) {
            rows.append("<row r=\"").append(r).append("\">");
            for (int c = 0; c < 26; c++) {
                rows.append("<c r=\"").append((char) ('A' + c)).append(r).append("\"><v>1</v></c>");
            }
            rows.append("</row>");
        }
        FileExchange exchange = new FileExchange(1, Duration.ZERO, new XlsxReader.Limits(10_000_000, 1_000_000, 1_000_000,
            1_000));
        ImportFile file = read(exchange, workbook(rows.toString(), Map.of()));
        assertEquals(List.of("trop-de-cellules"), file.problems().stream().map(ImportMessage::code).toList());
        assertEquals(List.of(), file.values());
    }

    @Test
    void sharedStringsBeyondTheirLimitAreRefusedBeforeTheyAreHeld() throws IOException {
        StringBuilder strings = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + MAIN
            + "\">");
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 20_000; i++) {
            strings.append("<si><t>").append(Long.toString(random.nextLong(), 36)).append("</t></si>");
        }
        strings.append("</sst>");
        FileExchange exchange = new FileExchange(1, Duration.ZERO, new XlsxReader.Limits(10_000_000, 100_000, 1_000_000,
            1_000_000));
        ImportFile file = read(exchange, workbook(HEADER, Map.of("xl/sharedStrings.xml", strings.toString())));
        assertEquals(List.of("archive-suspecte"), file.problems().stream().map(ImportMessage::code).toList());
        assertTrue(file.problems().get(0).message().contains("dépasse"), file.problems().toString());
    }

    @Test
    void importsBeyondTheConcurrentLimitAreRefusedToRetryLater() throws Exception {
        FileExchange exchange = new FileExchange(1, Duration.ZERO, XlsxReader.Limits.IMPORT);
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        InputStream slow = new InputStream() {
            @Override
            public int read() {
                return -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                reading.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                return -1;
            }
        };
        CompletableFuture<ImportFile> first = CompletableFuture.supplyAsync(
            () -> exchange.read(ExchangeFormat.CSV, slow, BUILT_IN));
        reading.await();
        TooManyRequestsException refused = assertThrows(TooManyRequestsException.class,
            () -> exchange.read(ExchangeFormat.CSV, new ByteArrayInputStream("cellule;valeur\n".getBytes(
                StandardCharsets.UTF_8)), BUILT_IN));
        assertEquals("imports-simultanes", refused.code());
        release.countDown();
        assertEquals(List.of("fichier-vide"), first.get().problems().stream().map(ImportMessage::code).toList());
        assertEquals(List.of(), exchange.read(ExchangeFormat.CSV, new ByteArrayInputStream(
            "cellule;valeur\nA.B.C;1\n".getBytes(StandardCharsets.UTF_8)), BUILT_IN).problems(), "the turn was given back");
    }
}
