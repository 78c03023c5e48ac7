package org.liasse.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.liasse.api.audit.AuditEntry;
import org.liasse.api.audit.AuditEvent;
import org.liasse.api.audit.AuditFilter;
import org.liasse.api.audit.AuditLog;
import org.liasse.api.audit.AuditVerification;

/** What the operator sees, and whether the command fails. */
class AuditVerifyCommandTest {

    @RegisterExtension
    final Console console = new Console();

    @Test
    void reportsAnIntactLog() {
        AuditVerifyCommand command = command(new AuditVerification(true, 42, List.of()));

        assertNull(command.execute());
        assertEquals("Journal d'audit intègre : 42 entrées vérifiées.\n", printed());
    }

    @Test
    void failsOnABrokenLogAfterListingEachProblem() {
        AuditVerifyCommand command = command(new AuditVerification(false, 41, List.of(
            "Entrée 12 : contenu modifié (empreinte invalide).",
            "Entrée 13 manquante (la séquence passe de 12 à 14).")));

        IllegalStateException error = assertThrows(IllegalStateException.class, command::execute);

        assertEquals("Journal d'audit altéré : 2 problèmes détectés.", error.getMessage());
        assertEquals("""
            Journal d'audit ALTÉRÉ (41 entrées vérifiées) :
              - Entrée 12 : contenu modifié (empreinte invalide).
              - Entrée 13 manquante (la séquence passe de 12 à 14).
            """, printed());
    }

    private String printed() {
        return console.printed().replace(System.lineSeparator(), "\n");
    }

    private static AuditVerifyCommand command(AuditVerification verification) {
        AuditVerifyCommand command = new AuditVerifyCommand();
        command.auditLog = new AuditLog() {
            @Override
            public AuditEntry record(AuditEvent event) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<AuditEntry> list(AuditFilter filter, int offset, int limit) {
                throw new UnsupportedOperationException();
            }

            @Override
            public AuditVerification verify() {
                return verification;
            }
        };
        return command;
    }
}
