package org.liasse.exchange;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the first sheet of an XLSX workbook as a stream of SAX events (POI's event API), so that memory does not grow
 * with the sheet: only the shared strings, the date styles and the key and value of the row at hand are held. Each
 * part is read through a counter that stops the reading beyond its {@link Limits}.
 */
final class XlsxReader {

    /**
     * What one workbook may cost.
     *
     * @param inflated      expanded bytes read from all its parts
     * @param sharedStrings expanded bytes of its shared strings, all held in memory
     * @param smallPart     expanded bytes of its workbook and styles parts, each read whole
     * @param cells         cells read from its sheet, whatever their column
     */
    record Limits(long inflated, long sharedStrings, long smallPart, long cells) {
        /** The limits of an import: a 10 MB file may expand to 200 MB, read as a stream. */
        static final Limits IMPORT = new Limits(200L * 1024 * 1024, 20L * 1024 * 1024, 4L * 1024 * 1024, 2_000_000);
    }

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /** The reading went past a limit: the workbook is refused with this problem. */
    static final class Refused extends SAXException {
        private static final long serialVersionUID = 1L;
        final String code;

        Refused(String code, String message) {
            super(message);
            this.code = code;
        }
    }

    /** The collector wants no more lines. */
    private static final class Stop extends SAXException {
        private static final long serialVersionUID = 1L;
    }

    private final Collector collector;
    private final String keyHeader;
    private final String valueHeader;
    private final Limits limits;
    private long inflated;

    private XlsxReader(Collector collector, String keyHeader, String valueHeader, Limits limits) {
        this.collector = collector;
        this.keyHeader = keyHeader;
        this.valueHeader = valueHeader;
        this.limits = limits;
    }

    /**
     * Reads a workbook saved to a file (random access to its entries: nothing is expanded before it is read).
     *
     * @throws Refused when a limit is passed
     */
    static void read(Path workbook, Collector collector, String keyHeader, String valueHeader, Limits limits)
            throws Exception {
        try (OPCPackage pkg = OPCPackage.open(workbook.toFile(), PackageAccess.READ)) {
            new XlsxReader(collector, keyHeader, valueHeader, limits).read(new XSSFReader(pkg));
        }
    }

    /** Reads a workbook given as bytes, through a temporary file removed afterwards. */
    static void read(byte[] bytes, Collector collector, String keyHeader, String valueHeader, Limits limits)
            throws Exception {
        Path file = Files.createTempFile("liasse-import-", ".xlsx");
        try {
            Files.write(file, bytes);
            read(file, collector, keyHeader, valueHeader, limits);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private void read(XSSFReader reader) throws Exception {
        Workbook workbook = new Workbook();
        parse(reader.getWorkbookData(), limits.smallPart(), workbook);
        if (workbook.firstSheet == null) {
            collector.problem(0, 0, null, "fichier-vide", "La première feuille du classeur est vide.");
            return;
        }
        // A workbook without styles has no date cells; one whose texts are all inline has no shared strings
        Styles styles = new Styles();
        InputStream stylesData = reader.getStylesData();
        if (stylesData != null) {
            parse(stylesData, limits.smallPart(), styles);
        }
        ReadOnlySharedStringsTable strings = null;
        InputStream stringsData = reader.getSharedStringsData();
        if (stringsData != null) {
            try (InputStream data = limited(stringsData, limits.sharedStrings())) {
                strings = new ReadOnlySharedStringsTable(data, false);
            }
        }
        Sheet sheet = new Sheet(styles, strings, workbook.date1904);
        try (InputStream data = reader.getSheet(workbook.firstSheet)) {
            parse(data, limits.inflated(), sheet);
        } catch (Stop stop) {
            return;
        }
        if (!sheet.header) {
            collector.problem(0, 0, null, "fichier-vide", "La première feuille du classeur est vide.");
        }
    }

    private void parse(InputStream data, long limit, DefaultHandler handler) throws Exception {
        try (InputStream in = limited(data, limit)) {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(handler);
            xml.parse(new InputSource(in));
        }
    }

    /** The stream, stopped once it gave more than {@code limit} bytes or the workbook more than its total. */
    private InputStream limited(InputStream data, long limit) {
        return new FilterInputStream(data) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                count(Math.max(n, 0));
                return n;
            }

            private void count(int n) throws IOException {
                read += n;
                inflated += n;
                if (read > limit || inflated > limits.inflated()) {
                    throw new IOException(new Refused("archive-suspecte", "Le classeur est refusé : une fois "
                        + "décompressé, il dépasse " + Math.max(1, Math.min(limit, limits.inflated()) / (1024 * 1024))
                        + " Mo."));
                }
            }
        };
    }

    /** The first sheet's relationship and the date system, from {@code workbook.xml}. */
    private static final class Workbook extends DefaultHandler {
        String firstSheet;
        boolean date1904;

        @Override
        public void startElement(String uri, String local, String name, Attributes attributes) {
            if (local.equals("workbookPr")) {
                String value = attributes.getValue("date1904");
                date1904 = "1".equals(value) || "true".equals(value);
            } else if (local.equals("sheet") && firstSheet == null) {
                firstSheet = attributes.getValue(RELATIONSHIPS, "id");
            }
        }
    }

    /** Which cell styles show a date, from {@code styles.xml}. */
    private static final class Styles extends DefaultHandler {
        private final Map<Integer, String> formats = new HashMap<>();
        private final List<Integer> cellFormats = new ArrayList<>();
        private boolean inCellXfs;

        @Override
        public void startElement(String uri, String local, String name, Attributes attributes) {
            if (local.equals("numFmt")) {
                formats.put(Integer.parseInt(attributes.getValue("numFmtId")), attributes.getValue("formatCode"));
            } else if (local.equals("cellXfs")) {
                inCellXfs = true;
            } else if (local.equals("xf") && inCellXfs) {
                String id = attributes.getValue("numFmtId");
                cellFormats.add(id == null ? 0 : Integer.parseInt(id));
            }
        }

        @Override
        public void endElement(String uri, String local, String name) {
            if (local.equals("cellXfs")) {
                inCellXfs = false;
            }
        }

        boolean date(int style) {
            if (style < 0 || style >= cellFormats.size()) {
                return false;
            }
            int format = cellFormats.get(style);
            String code = formats.getOrDefault(format, BuiltinFormats.getBuiltinFormat(format));
            return DateUtil.isADateFormat(format, code);
        }
    }

    /** The rows of the sheet: its first row names the columns, the next ones hold keys and values. */
    private final class Sheet extends DefaultHandler {
        private final Styles styles;
        private final ReadOnlySharedStringsTable strings;
        private final boolean date1904;
        private final StringBuilder text = new StringBuilder();
        private final Map<Integer, String> headers = new HashMap<>();
        boolean header;
        private int key = -1;
        private int value = -1;
        private long cells;
        private int row;
        private int column;
        private String type;
        private int style;
        private boolean inValue;
        private String keyText;
        private String valueText;

        Sheet(Styles styles, ReadOnlySharedStringsTable strings, boolean date1904) {
            this.styles = styles;
            this.strings = strings;
            this.date1904 = date1904;
        }

        @Override
        public void startElement(String uri, String local, String name, Attributes attributes) throws SAXException {
            if (!MAIN.equals(uri)) {
                return;
            }
            switch (local) {
                case "row" -> {
                    String number = attributes.getValue("r");
                    row = number == null ? row + 1 : Integer.parseInt(number);
                    column = -1;
                    keyText = "";
                    valueText = "";
                }
                case "c" -> {
                    if (++cells > limits.cells()) {
                        throw new Refused("trop-de-cellules", "Le classeur a plus de " + limits.cells() + " cellules : "
                            + "gardez seulement les colonnes à importer.");
                    }
                    String reference = attributes.getValue("r");
                    column = reference == null ? column + 1 : new CellReference(reference).getCol();
                    type = attributes.getValue("t");
                    String s = attributes.getValue("s");
                    style = s == null ? 0 : Integer.parseInt(s);
                    text.setLength(0);
                }
                case "v", "t" -> inValue = true;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] chars, int start, int length) {
            if (inValue) {
                text.append(chars, start, length);
            }
        }

        @Override
        public void endElement(String uri, String local, String name) throws SAXException {
            if (!MAIN.equals(uri)) {
                return;
            }
            switch (local) {
                case "v", "t" -> inValue = false;
                case "c" -> cell(value(text.toString()));
                case "row" -> row();
                default -> {
                }
            }
        }

        /** The value of the cell just read, as text; null for an error cell. */
        private String value(String raw) {
            if (type == null || type.equals("n")) {
                if (raw.isEmpty()) {
                    return "";
                }
                return styles.date(style) ? DateUtil.getLocalDateTime(Double.parseDouble(raw), date1904).toLocalDate()
                    .toString() : plain(raw);
            }
            return switch (type) {
                case "s" -> strings == null || raw.isEmpty() ? "" : strings.getItemAt(Integer.parseInt(raw.strip()))
                    .getString();
                case "b" -> Boolean.toString(raw.strip().equals("1"));
                case "e" -> null;
                default -> raw;
            };
        }

        private void cell(String value) {
            if (!header) {
                headers.put(column, value);
            } else if (column == key) {
                keyText = value;
            } else if (column == this.value) {
                valueText = value;
            }
        }

        private void row() throws SAXException {
            if (!header) {
                header = true;
                key = column(keyHeader);
                value = column(valueHeader);
                if (key < 0 || value < 0) {
                    collector.problem(row, 0, null, "colonne-manquante", "La première ligne de la première feuille "
                        + "doit nommer les colonnes « " + keyHeader + " » et « " + valueHeader + " ».");
                    throw new Stop();
                }
                return;
            }
            if (blank(keyText) && blank(valueText)) {
                return;
            }
            if (!collector.line(row)) {
                throw new Stop();
            }
            if (keyText == null || valueText == null) {
                collector.problem(row, (keyText == null ? key : value) + 1, null, "xlsx-cellule-en-erreur",
                    "La cellule du classeur contient une erreur de calcul (#DIV/0!, #N/A…).");
                return;
            }
            collector.value(row, key + 1, value + 1, keyText, valueText);
        }

        private int column(String name) {
            String wanted = name.strip().toLowerCase(Locale.ROOT);
            return headers.entrySet().stream().filter(header -> header.getValue() != null
                    && header.getValue().strip().toLowerCase(Locale.ROOT).equals(wanted))
                .mapToInt(Map.Entry::getKey).min().orElse(-1);
        }
    }

    private static boolean blank(String text) {
        return text != null && text.isBlank();
    }

    /**
     * A number as the workbook wrote it, in plain notation without trailing zeros; kept as written when its
     * exponent is so large that writing it out would be the attack (the format controls then refuse it).
     */
    private static String plain(String raw) {
        try {
            BigDecimal number = new BigDecimal(raw.strip());
            return Math.abs((long) number.scale()) > 400 ? raw : number.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return raw;
        }
    }
}
