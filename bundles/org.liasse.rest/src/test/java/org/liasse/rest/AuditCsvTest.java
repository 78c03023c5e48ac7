package org.liasse.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.liasse.api.audit.AuditEntry;
import org.liasse.api.audit.AuditEvent;

/** The audit CSV opens in a French spreadsheet as written: BOM, semicolons, quoted text, no formula. */
class AuditCsvTest {

    @Test
    void writesFrenchCsv() throws IOException {
        AuditEntry entry = new AuditEntry(7, Instant.parse("2026-06-01T08:30:05Z"), new AuditEvent("droits.modifies",
            "camille", "192.0.2.7", "000000018", "alice", "avant [A] ; après \"A, B\""), "ab12");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        AuditCsv.of(List.of(entry)).write(out);

        assertEquals("\uFEFFN°;Date et heure (Paris);Action;Description;Code;Auteur;Adresse;SIREN;Cible;Détails;Empreinte\r\n"
            + "7;01/06/2026 10:30:05;Droits modifiés;Droits d’alice modifiés par camille;droits.modifies;camille;"
            + "192.0.2.7;000000018;alice;"
            + "\"avant [A] ; après \"\"A, B\"\"\";ab12\r\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void neutralisesFormulas() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", AuditCsv.field("=HYPERLINK(\"x\")"));
        assertEquals("'-1", AuditCsv.field("-1"));
        assertEquals("", AuditCsv.field(null));
    }
}
