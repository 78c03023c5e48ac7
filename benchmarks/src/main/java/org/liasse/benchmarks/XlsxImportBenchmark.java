package org.liasse.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;


import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.liasse.api.definition.MappingDefinition;
import org.liasse.api.exchange.ExchangeFormat;
import org.liasse.api.exchange.ImportFile;
import org.liasse.exchange.FileExchange;

/**
 * Time and heap of reading an XLSX import with the exchange bundle's streaming reader: a 5,000-line and a
 * 100,000-line workbook (the most lines an import may have), and a workbook of under 10 MB whose sheet expands to
 * 100 MB. The heap is the smallest maximum heap with which a new JVM reads the workbook. POI's usermodel
 * (XSSFWorkbook, what the reader replaced) is measured on the same two workbooks for comparison. Rewrites the "XLSX import" section of
 * {@code docs/benchmarks.md}: {@code mvn -pl benchmarks exec:java -Dexec.mainClass=org.liasse.benchmarks.XlsxImportBenchmark}.
 */
public final class XlsxImportBenchmark {

    private static final int RUNS = 3;
    /** Maximum heaps tried, in MB. */
    private static final int[] HEAPS = {16, 24, 32, 40, 48, 64, 80, 96, 128, 160, 192, 256, 320, 384, 512, 768, 1024};
    private static final MappingDefinition MAPPING = MappingDefinition.builtIn("BENCH");
    private static final String STREAMING = "streaming (Liasse)";
    private static final String USERMODEL = "XSSFWorkbook (before)";

    private record Figures(String workbook, String reader, long bytes, int lines, List<Double> seconds, int heapMb,
                           int growthMb) {
    }

    private XlsxImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Figures> figures = new ArrayList<>();
        byte[] small = lines(5_000);
        byte[] large = lines(100_000);
        byte[] expanding = expanding(100_000_000L);
        FileExchange exchange = new FileExchange();
        byte[] tiny = lines(10);
        int streamingBase = smallestHeap(tiny, "streaming");
        int usermodelBase = smallestHeap(tiny, "usermodel");
        System.out.println("10 lines: -Xmx" + streamingBase + "m streaming, -Xmx" + usermodelBase + "m usermodel");
        figures.add(measure("5,000 lines", STREAMING, small, () -> read(exchange, small), "streaming", streamingBase));
        figures.add(measure("5,000 lines", USERMODEL, small, () -> usermodel(small), "usermodel", usermodelBase));
        figures.add(measure("100,000 lines", STREAMING, large, () -> read(exchange, large), "streaming", streamingBase));
        figures.add(measure("100,000 lines", USERMODEL, large, () -> usermodel(large), "usermodel", usermodelBase));
        figures.add(measure("sheet of 100 MB once expanded", STREAMING, expanding, () -> read(exchange, expanding),
            "streaming", streamingBase));
        String section = section(figures);
        System.out.println(section);
        Report.write(Path.of(System.getProperty("liasse.report", "docs/benchmarks.md")), section);
    }

    /** A workbook of the built-in layout, a distinct cell and an amount a line, written by the export. */
    private static byte[] lines(int count) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        Random random = new Random(count);
        for (int i = 0; i < count; i++) {
            rows.add(List.of("BENCH.R" + i + ".MONTANT", BigDecimal.valueOf(random.nextInt(100_000_000), 2)));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new FileExchange().writeTable(ExchangeFormat.XLSX, "Dossier", List.of("cellule", "valeur"), rows, out);
        return out.toByteArray();
    }

    /**
     * A workbook whose sheet holds, beside ten lines, inline texts in a third column that expand it to about
     * {@code size} bytes while the file stays under the 10 MB an upload may have.
     */
    private static byte[] expanding(long size) throws IOException {
        byte[] base = lines(10);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Random random = new Random(1);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(base));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (!entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    in.transferTo(zip);
                    continue;
                }
                String sheet = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                int end = sheet.indexOf("</sheetData>");
                zip.write(sheet.substring(0, end).getBytes(StandardCharsets.UTF_8));
                char[] text = new char[2_000];
                for (long written = 0, row = 20; written < size; row++) {
                    for (int i = 0; i < text.length; i++) {
                        text[i] = random.nextInt(30) == 0 ? (char) ('a' + random.nextInt(26)) : 'a';
                    }
                    byte[] line = ("<row r=\"" + row + "\"><c r=\"C" + row + "\" t=\"inlineStr\"><is><t>"
                        + new String(text) + "</t></is></c></row>").getBytes(StandardCharsets.UTF_8);
                    zip.write(line);
                    written += line.length;
                }
                zip.write(sheet.substring(end).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private static int read(FileExchange exchange, byte[] workbook) {
        ImportFile file = exchange.read(ExchangeFormat.XLSX, new ByteArrayInputStream(workbook), MAPPING);
        if (!file.problems().isEmpty()) {
            throw new IllegalStateException("unexpected problems: " + file.problems().subList(0,
                Math.min(3, file.problems().size())));
        }
        return file.values().size();
    }

    /** Reads the same cells with POI's usermodel, as the exchange did before. */
    private static int usermodel(byte[] workbook) {
        try (XSSFWorkbook opened = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet sheet = opened.getSheetAt(0);
            int values = 0;
            for (Row row : sheet) {
                if (row.getRowNum() > 0 && row.getCell(0) != null && row.getCell(1) != null) {
                    values++;
                }
            }
            return values;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Figures measure(String workbook, String reader, byte[] bytes, Supplier<Integer> read,
                                   String childReader, int baseline) throws IOException, InterruptedException {
        List<Double> seconds = new ArrayList<>();
        int lines = read.get();
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            read.get();
            seconds.add((System.nanoTime() - start) / 1e9);
        }
        int heap = smallestHeap(bytes, childReader);
        System.out.println(workbook + ", " + reader + ": " + seconds + " s, reads with -Xmx" + heap + "m");
        return new Figures(workbook, reader, bytes.length, lines, seconds, heap, heap - baseline);
    }

    /**
     * The smallest maximum heap, among {@link #HEAPS}, with which a new JVM reads the workbook: binary search, each try
     * a fresh process (so that nothing else lives in its heap).
     */
    private static int smallestHeap(byte[] workbook, String reader) throws IOException, InterruptedException {
        Path file = Files.createTempFile("liasse-bench-", ".xlsx");
        try {
            Files.write(file, workbook);
            int low = 0;
            int high = HEAPS.length - 1;
            if (!reads(file, reader, HEAPS[high])) {
                throw new IllegalStateException("not read with -Xmx" + HEAPS[high] + "m");
            }
            while (low < high) {
                int middle = (low + high) / 2;
                if (reads(file, reader, HEAPS[middle])) {
                    high = middle;
                } else {
                    low = middle + 1;
                }
            }
            return HEAPS[low];
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static boolean reads(Path file, String reader, int heapMb) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx" + heapMb + "m", "-XX:+UseSerialGC", "-cp", classPath(), Child.class.getName(), reader,
            file.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor() == 0;
    }

    /** The class path this benchmark runs with (exec:java gives it through a URL class loader). */
    private static String classPath() {
        ClassLoader loader = XlsxImportBenchmark.class.getClassLoader();
        if (loader instanceof URLClassLoader urls) {
            List<String> paths = new ArrayList<>();
            for (URL url : urls.getURLs()) {
                paths.add(Path.of(java.net.URI.create(url.toString())).toString());
            }
            return String.join(File.pathSeparator, paths);
        }
        return System.getProperty("java.class.path");
    }

    /** Reads one workbook with one reader, in a JVM of its own; exits 0 when it was read. */
    public static final class Child {

        private Child() {
        }

        public static void main(String[] args) throws IOException {
            byte[] workbook = Files.readAllBytes(Path.of(args[1]));
            int values = args[0].equals("streaming") ? read(new FileExchange(), workbook) : usermodel(workbook);
            System.exit(values > 0 ? 0 : 2);
        }
    }

    private static String section(List<Figures> figures) {
        StringBuilder out = new StringBuilder();
        out.append("## XLSX import\n\n");
        out.append("Measured by `mvn -B -ntp -pl benchmarks exec:java -Dexec.mainClass=org.liasse.benchmarks.XlsxImportBenchmark`"
            + " (after `mvn -B -ntp install -DskipTests`) on ").append(LocalDate.now()).append(", 2 cores, Java ")
            .append(System.getProperty("java.version")).append(", in the Maven JVM (default heap settings); load "
                + "average before the run ").append(Report.loadAverage()).append(".\n\n");
        out.append("| workbook | reader | file (MB) | values read | runs | median time (s) | max time (s) "
            + "| smallest -Xmx that reads it (MB) | heap growth (MB) |\n|---|---|---|---|---|---|---|---|---|\n");
        for (Figures f : figures) {
            out.append("| ").append(f.workbook()).append(" | ").append(f.reader()).append(" | ")
                .append(Report.number(f.bytes() / (1024.0 * 1024))).append(" | ").append(f.lines()).append(" | ")
                .append(RUNS).append(" | ").append(Report.number(Report.percentile(Report.sorted(f.seconds()), 50)))
                .append(" | ").append(Report.number(Report.sorted(f.seconds()).get(RUNS - 1))).append(" | ")
                .append(f.heapMb()).append(" | ").append(f.growthMb()).append(" |\n");
        }
        out.append("""

            - **Reading**: `FileExchange.read` on the workbook's bytes, as a dry run or an apply calls it: the workbook
              is saved to a temporary file, opened with random access to its entries, and its first sheet is parsed
              as SAX events; only the shared strings, the date styles and the row at hand are held. Every part is read
              through a counter (200 MB expanded in all, 20 MB of shared strings, 2,000,000 cells), and at most two
              imports are read at once (`etc/org.liasse.exchange.cfg`, `imports.concurrent`), the others waiting up to
              20 s, then refused with 429 `imports-simultanes`.
            - **Heap**: each workbook is read again in a new JVM (serial collector) with a maximum heap taken from a ladder
              (16 to 1,024 MB), by binary search for the smallest that reads it; the growth is that heap minus the
              smallest that reads a 10-line workbook with the same reader. It counts what a read must keep alive
              (the values read are the result, kept by the dry run), not the garbage it leaves. Target: about 50 MB
              at most for the workbook that expands to 100 MB. Times are measured in the Maven JVM, after one
              warm-up read.
            - The 100 MB workbook is refused by POI's usermodel only through its zip-bomb checks; it is not measured
              with it.
            """);
        return out.toString();
    }
}
