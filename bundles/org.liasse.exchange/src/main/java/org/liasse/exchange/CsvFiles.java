package org.liasse.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.liasse.api.format.FrenchFormat;

/** CSV files: UTF-8 with or without byte order mark, {@code ;} or {@code ,} separated, first line of headers. */
final class CsvFiles {

    private CsvFiles() {
    }

    /** Reads the text of a CSV file into the collector. */
    static void read(String text, Collector collector, String keyHeader, String valueHeader) {
        String headerLine = TextLines.first(text);
        char separator = headerLine.indexOf(';') >= 0 ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(true).build();
        int[] lineStarts = TextLines.starts(text);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                collector.problem(0, 0, null, "fichier-vide", "Le fichier est vide.");
                return;
            }
            CSVRecord header = records.next();
            int key = column(header, keyHeader);
            int value = column(header, valueHeader);
            if (key < 0 || value < 0) {
                collector.problem(1, 0, null, "colonne-manquante", "La première ligne doit nommer les colonnes « "
                    + keyHeader + " » et « " + valueHeader + " » (séparées par « ; » ou « , ») ; elle contient : "
                    + Collector.shorten(String.join(String.valueOf(separator), header.toList())) + ".");
                return;
            }
            while (records.hasNext()) {
                CSVRecord record = records.next();
                int line = TextLines.lineOf(lineStarts, start(text, record.getCharacterPosition()));
                if (!collector.line(line)) {
                    return;
                }
                if (record.size() <= Math.max(key, value)) {
                    if (record.size() == 1 && record.get(0).isBlank()) {
                        continue;
                    }
                    collector.problem(line, record.size() + 1, null, "colonnes-manquantes", "La ligne a "
                        + FrenchFormat.count(record.size(), "colonne", "colonnes") + " ; il en faut au moins " + (Math.max(key, value) + 1) + ".");
                    continue;
                }
                collector.value(line, key + 1, value + 1, record.get(key), record.get(value));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            collector.problem(0, 0, null, "csv-invalide", "Le fichier CSV est mal formé (guillemets non refermés ?) : "
                + "rien n'a été importé.");
        }
    }

    /**
     * Writes a table: numbers in plain notation, {@code null} as an empty field, any other value as its text
     * neutralised against formula injection.
     */
    static void writeTable(List<String> headers, List<List<Object>> rows, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n").build());
        printer.printRecord(headers);
        for (List<Object> row : rows) {
            printer.printRecord(row.stream().map(CsvFiles::field).toList());
        }
        printer.flush();
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        return value instanceof Number ? value.toString() : Formulas.neutralise(value.toString());
    }

    private static int column(CSVRecord header, String name) {
        List<String> names = header.toList();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).strip().toLowerCase(Locale.ROOT).equals(name.strip().toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    /** Where a record really starts: the parser gives the end of the previous one, before skipped empty lines. */
    private static long start(String text, long position) {
        long at = position;
        while (at < text.length() && (text.charAt((int) at) == '\r' || text.charAt((int) at) == '\n')) {
            at++;
        }
        return at;
    }
}
