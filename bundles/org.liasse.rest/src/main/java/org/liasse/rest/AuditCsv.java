package org.liasse.rest;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.ws.rs.core.StreamingOutput;

import org.liasse.api.audit.AuditEntry;
import org.liasse.api.audit.AuditEvent;

/**
 * Audit entries as a CSV file a spreadsheet opens in French: UTF-8 with a byte order mark, {@code ;} between fields,
 * French headers, each action's French label and sentence before its code, dates JJ/MM/AAAA in Paris time. A field that a spreadsheet would run as a formula is prefixed
 * with {@code '}.
 */
final class AuditCsv {

    private static final List<String> HEADERS = List.of("N°", "Date et heure (Paris)", "Action", "Description", "Code",
        "Auteur", "Adresse", "SIREN", "Cible", "Détails", "Empreinte");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss")
        .withZone(ZoneId.of("Europe/Paris"));

    private AuditCsv() {
    }

    static StreamingOutput of(List<AuditEntry> entries) {
        return output -> {
            Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            line(writer, HEADERS.stream());
            for (AuditEntry entry : entries) {
                AuditEvent event = entry.event();
                line(writer, Stream.of(Long.toString(entry.sequence()), WHEN.format(entry.at()),
                    AuditWording.label(event.action()), AuditWording.sentence(event), event.action(), event.actor(),
                    event.remoteAddress(), event.siren(), event.target(), event.details(), entry.hash()));
            }
            writer.flush();
        };
    }

    private static void line(Writer writer, Stream<String> fields) throws IOException {
        writer.write(fields.map(AuditCsv::field).collect(Collectors.joining(";")));
        writer.write("\r\n");
    }

    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.contains(";") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
            ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
