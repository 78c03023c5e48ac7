package org.liasse.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.liasse.api.definition.MappingDefinition;
import org.liasse.api.exchange.ExchangeFormat;
import org.liasse.api.exchange.ExportedCell;
import org.liasse.api.exchange.ImportFile;
import org.liasse.api.exchange.ImportMessage;
import org.liasse.api.exchange.ImportedValue;

/** Reading and writing the three formats, including every kind of bad file. */
class FileExchangeTest {

    private static final MappingDefinition BUILT_IN = MappingDefinition.builtIn("QDIS");
    private static final MappingDefinition ACCOUNTS = new MappingDefinition("EXPORT_COMPTABLE", "Export comptable",
        "QDIS", "compte", "solde", "ligne", "compte", Map.of("706", "CR.LOYERS.MONTANT", "60", "CR.CHARGES.MONTANT"), null);

    private final FileExchange exchange = new FileExchange();

    private ImportFile read(ExchangeFormat format, byte[] content, MappingDefinition mapping) {
        return exchange.read(format, new ByteArrayInputStream(content), mapping);
    }

    private ImportFile csv(String text) {
        return read(ExchangeFormat.CSV, text.getBytes(StandardCharsets.UTF_8), BUILT_IN);
    }

    private static List<String> codes(ImportFile file) {
        return file.problems().stream().map(ImportMessage::code).toList();
    }

    private static Map<String, String> values(ImportFile file) {
        return file.values().stream().collect(Collectors.toMap(ImportedValue::cell, ImportedValue::value));
    }

    private byte[] write(ExchangeFormat format, List<ExportedCell> cells) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exchange.write(format, cells, out);
        return out.toByteArray();
    }

    @Test
    void aCsvIsReadWithItsLinesWhateverTheSeparatorAndByteOrderMark() {
        ImportFile semicolons = csv("\uFEFFcellule;valeur\r\nCR.LOYERS.MONTANT;1 234,50\r\n\r\nCR.CHARGES.MONTANT;\"-12,5\"\r\n");
        assertEquals(List.of(), semicolons.problems());
        assertEquals(2, semicolons.lines());
        assertEquals(List.of(new ImportedValue(2, 2, "CR.LOYERS.MONTANT", "CR.LOYERS.MONTANT", "1 234,50"),
            new ImportedValue(4, 2, "CR.CHARGES.MONTANT", "CR.CHARGES.MONTANT", "-12,5")), semicolons.values());

        ImportFile commas = csv("Valeur,Cellule,commentaire\n\"1234.5\",CR.LOYERS.MONTANT,\"sur\ndeux lignes\"\n7,CR.CHARGES.MONTANT,\n");
        assertEquals(List.of(), commas.problems());
        assertEquals(Map.of("CR.LOYERS.MONTANT", "1234.5", "CR.CHARGES.MONTANT", "7"), values(commas));
        assertEquals(4, commas.values().get(1).line(), "a quoted line break counts as a line");
        assertEquals(1, commas.values().get(1).column());
    }

    @Test
    void linesEndingWithALoneCarriageReturnAreCountedAsLines() {
        ImportFile csv = read(ExchangeFormat.CSV, "compte;libelle;solde\r706;Loyers;1500\r999;Divers;3\r;Vide;4\r"
            .getBytes(StandardCharsets.UTF_8), ACCOUNTS);
        assertEquals(Map.of("CR.LOYERS.MONTANT", "1500"), values(csv));
        assertEquals(List.of(3, 4), csv.problems().stream().map(ImportMessage::line).toList(), csv.problems().toString());

        String xml = "<?xml version=\"1.0\"?>\r<export>\r  <ligne compte=\"706\">1500</ligne>\r"
            + "    <ligne compte=\"60\">=1</ligne>\r</export>\r";
        ImportFile file = read(ExchangeFormat.XML, xml.getBytes(StandardCharsets.UTF_8), ACCOUNTS);
        assertEquals(List.of(new ImportedValue(3, 3, "706", "CR.LOYERS.MONTANT", "1500")), file.values());
        assertEquals(List.of(new ImportMessage(4, 5, "CR.CHARGES.MONTANT", "injection-formule",
            file.problems().get(0).message())), file.problems());
    }

    @Test
    void aMappingTranslatesKeysAndRefusesUnknownOnes() {
        ImportFile file = read(ExchangeFormat.CSV, "compte;libelle;solde\n706;Loyers;1500\n999;Divers;3\n;Vide;4\n"
            .getBytes(StandardCharsets.UTF_8), ACCOUNTS);
        assertEquals(Map.of("CR.LOYERS.MONTANT", "1500"), values(file));
        assertEquals(List.of(new ImportMessage(3, 1, null, "cle-inconnue",
                "La clé « 999 » n'est pas prévue par la correspondance « Export comptable »."),
            new ImportMessage(4, 1, null, "cle-manquante", "La colonne « compte » est vide.")), file.problems());
    }

    @Test
    void formulaInjectionIsRefusedOnImportWithItsPlace() {
        ImportFile file = csv("cellule;valeur\nA.B.C1;=1+1\nA.B.C2;+33\nA.B.C3;@SUM(A1)\nA.B.C4;\"\tx\"\nA.B.C5;-x\n"
            + "A.B.C6;\"\r=1\"\nA.B.C7; =HYPERLINK(\"\"http://x\"\")\nA.B.C8;-12,5\nA.B.C9;'=SOMME(A1)\nA.B.C10;texte - ok\n");
        // The carriage return quoted in C6 ends a line, for the parser as for an editor: C7 is on line 9
        assertEquals(List.of(2, 3, 4, 5, 6, 7, 9), file.problems().stream().map(ImportMessage::line).toList(), file.problems().toString());
        assertTrue(file.problems().stream().allMatch(p -> p.code().equals("injection-formule") && p.column() == 2
            && p.cell() != null && p.message().contains("formule")), file.problems().toString());
        assertEquals(Map.of("A.B.C8", "-12,5", "A.B.C9", "=SOMME(A1)", "A.B.C10", "texte - ok"), values(file),
            "a negative number is fine; the apostrophe of a neutralised export is removed");
    }

    @Test
    void missingColumnsAndCellsGivenTwiceAreProblems() {
        assertEquals(List.of("colonne-manquante"), codes(csv("code;montant\nA.B.C;1\n")));
        ImportFile twice = csv("cellule;valeur\nA.B.C;1\nA.B.C;2\nA.B.D\n");
        assertEquals(List.of(new ImportMessage(3, 1, "A.B.C", "cellule-en-double", "La cellule « A.B.C » est déjà donnée ligne 2."),
            new ImportMessage(4, 2, null, "colonnes-manquantes", "La ligne a 1 colonne ; il en faut au moins 2.")),
            twice.problems());
        assertEquals(List.of("csv-invalide"), codes(csv("cellule;valeur\nA.B.C;\"1\n")));
        assertEquals(List.of("fichier-vide"), codes(csv("")));
    }

    @Test
    void contentMustMatchTheAnnouncedFormat() throws IOException {
        byte[] workbook = write(ExchangeFormat.XLSX, List.of(new ExportedCell("A.B.C", "1", true)));
        ImportFile xlsxAsCsv = read(ExchangeFormat.CSV, workbook, BUILT_IN);
        assertEquals(List.of("contenu-non-conforme"), codes(xlsxAsCsv));
        assertTrue(xlsxAsCsv.problems().get(0).message().contains("archive ZIP"), xlsxAsCsv.problems().toString());

        ImportFile csvAsXlsx = read(ExchangeFormat.XLSX, "cellule;valeur\nA.B.C;1\n".getBytes(StandardCharsets.UTF_8), BUILT_IN);
        assertEquals(List.of("contenu-non-conforme"), codes(csvAsXlsx));
        assertTrue(csvAsXlsx.problems().get(0).message().contains("du texte"));

        ImportFile pdf = read(ExchangeFormat.XLSX, "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), BUILT_IN);
        assertTrue(pdf.problems().get(0).message().contains("PDF"));

        ImportFile latin1 = read(ExchangeFormat.CSV, "cellule;valeur\nA.B.C;Société\n".getBytes(StandardCharsets.ISO_8859_1), BUILT_IN);
        assertEquals(List.of("contenu-non-conforme"), codes(latin1));
        assertTrue(latin1.problems().get(0).message().contains("UTF-8"));

        byte[] binary = {'c', 'e', 'l', 0, 1, 2, 3};
        assertEquals(List.of("contenu-non-conforme"), codes(read(ExchangeFormat.CSV, binary, BUILT_IN)));
        assertEquals(List.of("contenu-non-conforme"), codes(read(ExchangeFormat.XML, "cellule;valeur\n".getBytes(StandardCharsets.UTF_8), BUILT_IN)));
    }

    @Test
    void aFileOverTheSizeLimitIsNotRead() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'a';
            }
        };
        ImportFile file = exchange.read(ExchangeFormat.CSV, endless, BUILT_IN);
        assertEquals(List.of("fichier-trop-volumineux"), codes(file));
    }

    @Test
    void anXlsxRoundTripKeepsNumbersAsNumbersAndNeutralisesFormulas() throws IOException {
        byte[] workbook = write(ExchangeFormat.XLSX, List.of(new ExportedCell("CR.LOYERS.MONTANT", "1234.56", true),
            new ExportedCell("IDENT.R01.NOM", "=HYPERLINK(\"http://x\")", false),
            new ExportedCell("BILAN.R01.MONTANT", "-5", true),
            new ExportedCell("IDENT.R01.DATE", "2025-12-31", false)));
        try (XSSFWorkbook opened = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet sheet = opened.getSheetAt(0);
            assertEquals("cellule", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals(CellType.NUMERIC, sheet.getRow(1).getCell(1).getCellType());
            assertEquals(1234.56, sheet.getRow(1).getCell(1).getNumericCellValue());
            assertEquals("'=HYPERLINK(\"http://x\")", sheet.getRow(2).getCell(1).getStringCellValue());
            assertEquals(CellType.STRING, sheet.getRow(2).getCell(1).getCellType());
        }
        ImportFile back = read(ExchangeFormat.XLSX, workbook, BUILT_IN);
        assertEquals(List.of(), back.problems());
        assertEquals(Map.of("CR.LOYERS.MONTANT", "1234.56", "IDENT.R01.NOM", "=HYPERLINK(\"http://x\")",
            "BILAN.R01.MONTANT", "-5", "IDENT.R01.DATE", "2025-12-31"), values(back));
        assertEquals(3, back.values().get(1).line());
        assertEquals(2, back.values().get(1).column());
    }

    @Test
    void aTruncatedOrCorruptWorkbookGivesAClearError() throws IOException {
        byte[] workbook = write(ExchangeFormat.XLSX, List.of(new ExportedCell("A.B.C", "1", true)));
        ImportFile truncated = read(ExchangeFormat.XLSX, Arrays.copyOf(workbook, workbook.length / 2), BUILT_IN);
        assertEquals(List.of("xlsx-illisible"), codes(truncated));
        assertTrue(truncated.problems().get(0).message().contains("tronqué ou endommagé"));
        assertEquals(List.of(), truncated.values());

        byte[] corrupt = workbook.clone();
        for (int i = 40; i < corrupt.length; i += 7) {
            corrupt[i] ^= 0x5A;
        }
        assertEquals(List.of("xlsx-illisible"), codes(read(ExchangeFormat.XLSX, corrupt, BUILT_IN)));

        ByteArrayOutputStream notAWorkbook = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(notAWorkbook)) {
            zip.putNextEntry(new ZipEntry("photo.txt"));
            zip.write("pas un classeur".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(List.of("xlsx-illisible"), codes(read(ExchangeFormat.XLSX, notAWorkbook.toByteArray(), BUILT_IN)));
    }

    @Test
    void aZipBombIsRefused() throws IOException {
        byte[] workbook = write(ExchangeFormat.XLSX, List.of(new ExportedCell("A.B.C", "1", true)));
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook));
             ZipOutputStream out = new ZipOutputStream(bomb)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String sheet = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    int data = sheet.indexOf("<sheetData");
                    out.write(sheet.substring(0, data).getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1024 * 1024];
                    Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 60; i++) {
                        out.write(spaces);
                    }
                    out.write(sheet.substring(data).getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(out);
                }
            }
        }
        assertTrue(bomb.size() < 200_000, "a small file: " + bomb.size());
        ImportFile file = read(ExchangeFormat.XLSX, bomb.toByteArray(), BUILT_IN);
        assertEquals(List.of("archive-suspecte"), codes(file));
        assertTrue(file.problems().get(0).message().contains("bombe de décompression"));
    }

    @Test
    void xmlRecordsAreReadWithTheirLinesAndDtdsAreRefused() {
        String xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <export logiciel="Compta (fictif)">
              <ligne compte="706">1500.00</ligne>
              <autre>ignoré</autre>
              <ligne compte="60">=1+1</ligne>
              <ligne>3</ligne>
            </export>
            """;
        ImportFile file = read(ExchangeFormat.XML, xml.getBytes(StandardCharsets.UTF_8), ACCOUNTS);
        assertEquals(List.of(new ImportedValue(3, 3, "706", "CR.LOYERS.MONTANT", "1500.00")), file.values());
        assertEquals(List.of("injection-formule", "cle-manquante"), codes(file));
        assertEquals(List.of(5, 6), file.problems().stream().map(ImportMessage::line).toList());

        String entity = """
            <?xml version="1.0"?>
            <!DOCTYPE liasse [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
            <liasse><cellule code="A.B.C">&secret;</cellule></liasse>
            """;
        ImportFile refused = read(ExchangeFormat.XML, entity.getBytes(StandardCharsets.UTF_8), BUILT_IN);
        assertEquals(List.of(), refused.values());
        assertEquals(1, refused.problems().size(), refused.problems().toString());
        assertTrue(refused.problems().get(0).code().startsWith("xml-"), refused.problems().toString());

        ImportFile malformed = read(ExchangeFormat.XML, "<liasse><cellule code=\"A.B.C\">1</liasse>".getBytes(StandardCharsets.UTF_8), BUILT_IN);
        assertEquals(List.of("xml-invalide"), codes(malformed));
        assertEquals(1, malformed.problems().get(0).line());
    }

    @Test
    void exportsUseTheBuiltInLayoutAndNeutraliseFormulasInCsv() throws IOException {
        List<ExportedCell> cells = List.of(new ExportedCell("CR.LOYERS.MONTANT", "-1500.25", true),
            new ExportedCell("IDENT.R01.NOM", "+33 1 23", false), new ExportedCell("IDENT.R01.AUTRE", "Office ; \"Sud\"", false));
        String csv = new String(write(ExchangeFormat.CSV, cells), StandardCharsets.UTF_8);
        assertEquals("\uFEFFcellule;valeur\r\nCR.LOYERS.MONTANT;-1500.25\r\nIDENT.R01.NOM;'+33 1 23\r\n"
            + "IDENT.R01.AUTRE;\"Office ; \"\"Sud\"\"\"\r\n", csv);
        assertEquals(Map.of("CR.LOYERS.MONTANT", "-1500.25", "IDENT.R01.NOM", "+33 1 23", "IDENT.R01.AUTRE", "Office ; \"Sud\""),
            values(csv(csv)));

        String xml = new String(write(ExchangeFormat.XML, cells), StandardCharsets.UTF_8);
        assertTrue(xml.contains("<cellule code=\"IDENT.R01.NOM\">+33 1 23</cellule>"), xml);
        ImportFile back = read(ExchangeFormat.XML, xml.getBytes(StandardCharsets.UTF_8), BUILT_IN);
        assertEquals(List.of("injection-formule"), codes(back), "XML values are not neutralised, so a formula-like text is refused");
    }

    @Test
    void aTableIsWrittenWithNumbersEmptyCellsAndNeutralisedTextInCsvAndXlsx() throws IOException {
        List<String> headers = List.of("SIREN", "Organisation", "Jours de retard", "Dossier");
        List<List<Object>> rows = List.of(Arrays.asList("000000018", "=Office", 12, null),
            Arrays.asList("000000026", "Office ; Sud", 0, 41L));
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        exchange.writeTable(ExchangeFormat.CSV, "Retards", headers, rows, csv);
        assertEquals("\uFEFFSIREN;Organisation;Jours de retard;Dossier\r\n000000018;'=Office;12;\r\n"
            + "000000026;\"Office ; Sud\";0;41\r\n", csv.toString(StandardCharsets.UTF_8));

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        exchange.writeTable(ExchangeFormat.XLSX, "Retards", headers, rows, xlsx);
        try (XSSFWorkbook opened = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            Sheet sheet = opened.getSheet("Retards");
            assertEquals("Jours de retard", sheet.getRow(0).getCell(2).getStringCellValue());
            assertEquals("'=Office", sheet.getRow(1).getCell(1).getStringCellValue());
            assertEquals(12.0, sheet.getRow(1).getCell(2).getNumericCellValue());
            assertEquals(null, sheet.getRow(1).getCell(3));
            assertEquals(CellType.NUMERIC, sheet.getRow(2).getCell(3).getCellType());
        }
        assertThrows(IllegalArgumentException.class,
            () -> exchange.writeTable(ExchangeFormat.XML, "Retards", headers, rows, new ByteArrayOutputStream()));
    }
}
