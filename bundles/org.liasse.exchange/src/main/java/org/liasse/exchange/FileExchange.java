package org.liasse.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.liasse.api.definition.MappingDefinition;
import org.liasse.api.exchange.DossierExchange;
import org.liasse.api.exchange.ExchangeFormat;
import org.liasse.api.exchange.ExportedCell;
import org.liasse.api.exchange.ExportedSheet;
import org.liasse.api.exchange.ImportFile;
import org.liasse.api.error.TooManyRequestsException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Reads and writes the exchange formats. The content must be what the format says, whatever the file name: a
 * workbook is a zip archive, a CSV or XML file is UTF-8 text. At most {@link ExchangeConfig#imports_concurrent} files
 * are read at once, each within the {@link XlsxReader.Limits} of an import, so that no upload can exhaust the memory.
 */
@Component(service = DossierExchange.class, configurationPid = ExchangeConfig.PID,
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ExchangeConfig.class)
public class FileExchange implements DossierExchange {

    private final Semaphore reading;
    private final Duration wait;
    private final XlsxReader.Limits limits;

    /** The exchange with its settings. */
    @Activate
    public FileExchange(ExchangeConfig config) {
        this(config.imports_concurrent(), Duration.ofSeconds(Math.max(0, config.imports_wait_seconds())),
            XlsxReader.Limits.IMPORT);
    }

    /** The exchange with the default settings, outside the framework. */
    public FileExchange() {
        this(ExchangeConfig.CONCURRENT, Duration.ofSeconds(ExchangeConfig.WAIT_SECONDS), XlsxReader.Limits.IMPORT);
    }

    FileExchange(int concurrent, Duration wait, XlsxReader.Limits limits) {
        this.reading = new Semaphore(Math.max(1, concurrent), true);
        this.wait = wait;
        this.limits = limits;
    }

    @Override
    public ImportFile read(ExchangeFormat format, InputStream content, MappingDefinition mapping) {
        try {
            if (!reading.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TooManyRequestsException("imports-simultanes", "Trop d'imports sont en cours sur le serveur : "
                    + "réessayez dans une minute. Rien n'a été importé.", 60);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TooManyRequestsException("imports-simultanes", "L'import a été interrompu : réessayez. Rien "
                + "n'a été importé.", 5);
        }
        try {
            return readNow(format, content, mapping);
        } finally {
            reading.release();
        }
    }

    private ImportFile readNow(ExchangeFormat format, InputStream content, MappingDefinition mapping) {
        Collector collector = new Collector(mapping);
        Optional<byte[]> read;
        try {
            read = Content.read(content);
        } catch (IOException e) {
            collector.problem(0, 0, null, "fichier-illisible", "Le fichier n'a pas pu être lu entièrement : "
                + "envoyez-le de nouveau.");
            return collector.result();
        }
        if (read.isEmpty()) {
            collector.problem(0, 0, null, "fichier-trop-volumineux", "Le fichier dépasse "
                + Content.MAX_BYTES / (1024 * 1024) + " Mo.");
            return collector.result();
        }
        byte[] bytes = read.get();
        if (bytes.length == 0) {
            collector.problem(0, 0, null, "fichier-vide", "Le fichier est vide.");
            return collector.result();
        }
        switch (format) {
            case XLSX -> {
                if (Content.zip(bytes)) {
                    XlsxFiles.read(bytes, collector, mapping.keyColumn(), mapping.valueColumn(), limits);
                } else {
                    mismatch(collector, format, bytes);
                }
            }
            case CSV, XML -> {
                Optional<String> text = Content.text(bytes);
                if (text.isEmpty() || format == ExchangeFormat.XML && !text.get().stripLeading().startsWith("<")) {
                    mismatch(collector, format, bytes);
                } else if (format == ExchangeFormat.CSV) {
                    CsvFiles.read(text.get(), collector, mapping.keyColumn(), mapping.valueColumn());
                } else {
                    XmlFiles.read(text.get(), collector, mapping.xmlRecord(), mapping.xmlKey());
                }
            }
            default -> throw new IllegalArgumentException(format.name());
        }
        return collector.result();
    }

    @Override
    public void write(ExchangeFormat format, List<ExportedCell> cells, OutputStream out) throws IOException {
        MappingDefinition layout = MappingDefinition.builtIn("");
        if (format == ExchangeFormat.XML) {
            XmlFiles.write(cells, out, layout.xmlRecord(), layout.xmlKey());
        } else {
            writeTable(format, "Dossier", List.of(layout.keyColumn(), layout.valueColumn()),
                cells.stream().map(FileExchange::row).toList(), out);
        }
    }

    @Override
    public void writeTable(ExchangeFormat format, String title, List<String> headers, List<List<Object>> rows,
                           OutputStream out) throws IOException {
        switch (format) {
            case CSV -> CsvFiles.writeTable(headers, rows, out);
            case XLSX -> XlsxFiles.writeTable(title, headers, rows, out);
            default -> throw new IllegalArgumentException("Pas de tableau au format " + format.name());
        }
    }

    @Override
    public void writeWorkbook(List<ExportedSheet> sheets, OutputStream out) throws IOException {
        XlsxFiles.writeWorkbook(sheets, out);
    }

    /** A cell of the built-in layout: its code, then its value as a number when it is one. */
    private static List<Object> row(ExportedCell cell) {
        Object value = cell.value();
        if (cell.number()) {
            try {
                value = new BigDecimal(cell.value());
            } catch (NumberFormatException e) {
                value = cell.value();
            }
        }
        return Arrays.asList(cell.cell(), value);
    }

    private static void mismatch(Collector collector, ExchangeFormat format, byte[] bytes) {
        String expected = switch (format) {
            case XLSX -> "un classeur XLSX";
            case CSV -> "un fichier CSV en UTF-8";
            case XML -> "un fichier XML en UTF-8";
        };
        collector.problem(0, 0, null, "contenu-non-conforme", "Le fichier devait être " + expected + ", mais son "
            + "contenu est " + Content.describe(bytes) + " : vérifiez le fichier et le format choisis.");
    }
}
