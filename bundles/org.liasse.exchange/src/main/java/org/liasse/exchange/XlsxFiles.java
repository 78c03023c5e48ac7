package org.liasse.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.liasse.api.exchange.ExportedSheet;

/**
 * XLSX workbooks through Apache POI (embedded in this bundle, so its global settings are this bundle's own): the
 * first sheet, first row of headers. Zip bombs are refused by POI's ratio and size limits.
 */
final class XlsxFiles {

    /** Smallest compressed / expanded ratio of an entry; below it the workbook is taken for a zip bomb. */
    static final double MIN_INFLATE_RATIO = 0.01;
    /** Largest expanded size of one entry of the workbook. */
    static final long MAX_ENTRY_SIZE = 100L * 1024 * 1024;
    /** Digits a spreadsheet number keeps exactly; longer numbers are exported as text. */
    private static final int EXACT_DIGITS = 15;
    /** Widest column, in characters. */
    private static final int MAX_WIDTH = 60;
    /** Rows kept in memory per sheet while writing; older ones go to a temporary file. */
    private static final int STREAMED_ROWS = 200;
    private static final int SHEET_NAME_LENGTH = 31;

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
    }

    private XlsxFiles() {
    }

    /** Reads the first sheet of a workbook into the collector, as a stream ({@link XlsxReader}). */
    static void read(byte[] bytes, Collector collector, String keyHeader, String valueHeader,
                     XlsxReader.Limits limits) {
        try {
            XlsxReader.read(bytes, collector, keyHeader, valueHeader, limits);
        } catch (Exception e) {
            XlsxReader.Refused refused = cause(e, XlsxReader.Refused.class);
            if (refused != null) {
                collector.refuse(refused.code, refused.getMessage());
            } else if (zipBomb(e)) {
                collector.refuse("archive-suspecte", "Le classeur est refusé : une fois décompressé, il "
                    + "serait démesurément plus gros que le fichier envoyé (bombe de décompression).");
            } else {
                collector.refuse("xlsx-illisible", "Le classeur XLSX est illisible : le fichier est "
                    + "tronqué ou endommagé. Enregistrez-le de nouveau depuis votre tableur, puis réessayez.");
            }
        }
    }

    /**
     * Writes a table on one sheet, headers in bold: numbers as numbers (as text beyond the digits a spreadsheet keeps
     * exactly), {@code null} as an empty cell, any other value as its text neutralised against formula injection.
     */
    static void writeTable(String title, List<String> headers, List<List<Object>> rows, OutputStream out)
        throws IOException {
        writeWorkbook(List.of(new ExportedSheet(title, headers, rows)), out);
    }

    /** Writes one sheet per table, streaming rows to a temporary file (removed afterwards). */
    static void writeWorkbook(List<ExportedSheet> sheets, OutputStream out) throws IOException {
        // Texts in a shared strings table, as XSSF writes them: readers of the exports look for them there.
        SXSSFWorkbook workbook = new SXSSFWorkbook(null, STREAMED_ROWS, false, true);
        // Sizes in the local headers, as XSSF writes them: readers that stream the archive need them.
        workbook.setZip64Mode(Zip64Mode.Never);
        try {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Set<String> names = new HashSet<>();
            for (ExportedSheet table : sheets) {
                Sheet sheet = workbook.createSheet(sheetName(table.title(), names));
                writeSheet(sheet, bold, table.headers(), table.rows());
            }
            workbook.write(out);
        } finally {
            workbook.close();
            workbook.dispose();
        }
    }

    /** A valid sheet name not used yet: XLSX refuses duplicates, which may be equal only once cut. */
    private static String sheetName(String title, Set<String> names) {
        String base = WorkbookUtil.createSafeSheetName(title);
        String name = base;
        for (int n = 2; !names.add(name.toLowerCase(Locale.ROOT)); n++) {
            String suffix = " (" + n + ")";
            name = base.substring(0, Math.min(base.length(), SHEET_NAME_LENGTH - suffix.length())) + suffix;
        }
        return name;
    }

    private static void writeSheet(Sheet sheet, CellStyle bold, List<String> headers, List<List<Object>> rows) {
        Row header = sheet.createRow(0);
        int[] widths = new int[headers.size()];
        for (int c = 0; c < headers.size(); c++) {
            header.createCell(c).setCellValue(headers.get(c));
            header.getCell(c).setCellStyle(bold);
            widths[c] = headers.get(c).length();
        }
        int r = 1;
        for (List<Object> values : rows) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < values.size(); c++) {
                Object value = values.get(c);
                if (value == null) {
                    continue;
                }
                Cell cell = row.createCell(c);
                BigDecimal number = value instanceof Number n ? new BigDecimal(n.toString()) : null;
                if (number != null && number.precision() <= EXACT_DIGITS) {
                    cell.setCellValue(number.doubleValue());
                } else {
                    cell.setCellValue(number != null ? number.toPlainString() : Formulas.neutralise(value.toString()));
                }
                if (c < widths.length) {
                    widths[c] = Math.max(widths[c], value.toString().length());
                }
            }
        }
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, Math.min(MAX_WIDTH, widths[c] + 2) * 256);
        }
    }

    /** The first of an error's causes that is of a type, or null. */
    private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static boolean zipBomb(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("Zip bomb") || message.contains("max size of the expanded"))) {
                return true;
            }
        }
        return false;
    }
}
