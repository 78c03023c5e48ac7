package org.liasse.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.liasse.api.audit.AuditLog;
import org.liasse.api.audit.AuditVerification;
import org.liasse.api.format.FrenchFormat;

/**
 * {@code liasse:audit-verify}: walks the whole audit log and prints whether it is intact, or each break found.
 * A broken log makes the command fail, so that a script calling it through {@code bin/client} sees an error.
 */
@Command(scope = "liasse", name = "audit-verify",
    description = "Vérifie que le journal d'audit n'a été ni modifié, ni amputé, ni complété après coup.")
@Service
public class AuditVerifyCommand implements Action {

    @Reference
    AuditLog auditLog;

    @Override
    public Object execute() {
        AuditVerification verification = auditLog.verify();
        String checked = verification.checked() + (verification.checked() > 1 ? " entrées vérifiées" : " entrée vérifiée");
        if (verification.intact()) {
            System.out.println("Journal d'audit intègre : " + checked + ".");
            return null;
        }
        System.out.println("Journal d'audit ALTÉRÉ (" + checked + ") :");
        verification.problems().forEach(problem -> System.out.println("  - " + problem));
        throw new IllegalStateException("Journal d'audit altéré : "
            + FrenchFormat.count(verification.problems().size(), "problème détecté", "problèmes détectés") + ".");
    }
}
