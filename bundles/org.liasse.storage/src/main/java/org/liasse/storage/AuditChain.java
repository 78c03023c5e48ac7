package org.liasse.storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.liasse.api.audit.AuditEntry;
import org.liasse.api.audit.AuditEvent;
import org.liasse.api.audit.AuditVerification;

/**
 * The hash chain of the audit log, without any database. Each entry's hash is the SHA-256 of a canonical form of
 * the previous entry's hash and the entry's own fields: a version tag, then each field as its UTF-8 byte length,
 * a colon and its bytes, or a single {@code ~} for {@code null}, so that no two different entries share a form.
 * The first entry chains to {@link #GENESIS}.
 */
final class AuditChain {

    /** Previous hash of the first entry. */
    static final String GENESIS = "0".repeat(64);

    private static final String FORMAT = "liasse-audit-v1";
    private static final DateTimeFormatter INSTANT =
        DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** An entry as stored, with the previous hash it was chained to. */
    record Row(AuditEntry entry, String previousHash) {
    }

    private AuditChain() {
    }

    /** The instant at the precision the chain covers, which every database keeps. */
    static Instant truncate(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * SHA-256 (lower-case hex) of an entry chained to the previous one.
     *
     * @param previousHash hash of the preceding entry, {@link #GENESIS} for the first
     * @param sequence     position of the entry
     * @param at           when it was recorded; only milliseconds count
     * @param event        what was recorded
     */
    static String hash(String previousHash, long sequence, Instant at, AuditEvent event) {
        StringBuilder canonical = new StringBuilder(FORMAT).append('\n');
        append(canonical, previousHash);
        append(canonical, Long.toString(sequence));
        append(canonical, INSTANT.format(truncate(at)));
        append(canonical, event.action());
        append(canonical, event.actor());
        append(canonical, event.remoteAddress());
        append(canonical, event.siren());
        append(canonical, event.target());
        append(canonical, event.details());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Walks stored rows given in sequence order. */
    static AuditVerification verify(List<Row> rows) {
        Verifier verifier = new Verifier();
        rows.forEach(verifier::accept);
        return verifier.result();
    }

    private static void append(StringBuilder canonical, String field) {
        if (field == null) {
            canonical.append('~');
        } else {
            canonical.append(field.getBytes(StandardCharsets.UTF_8).length).append(':').append(field);
        }
    }

    /**
     * Walks rows one at a time, in sequence order, so that a whole table can be checked without holding it in
     * memory. Reports a gap in the sequence as missing entries, an entry whose hash does not match its content as
     * altered, and an entry not chained to the hash of the one before it as a broken link (the one before was
     * replaced, or this one was moved). An entry out of order is reported and the chain goes on from the entry
     * before it.
     */
    static final class Verifier {

        private final List<String> problems = new ArrayList<>();
        private long checked;
        private boolean started;
        private long previousSequence;
        private String previousHash = GENESIS;

        /** Checks the next row. */
        void accept(Row row) {
            AuditEntry entry = row.entry();
            long sequence = entry.sequence();
            checked++;
            boolean inOrder = sequence > previousSequence;
            boolean contiguous = sequence == previousSequence + 1;
            if (!inOrder) {
                problems.add(started
                    ? "Entrée " + sequence + " hors séquence ou en double (elle suit l'entrée " + previousSequence + ")."
                    : "Entrée " + sequence + " : numéro de séquence invalide (le journal commence à 1).");
            } else if (!contiguous) {
                problems.add(missing(sequence));
            }
            if (!hash(row.previousHash(), sequence, entry.at(), entry.event()).equals(entry.hash())) {
                problems.add("Entrée " + sequence + " : contenu modifié (empreinte invalide).");
            } else if (contiguous && !previousHash.equals(row.previousHash())) {
                problems.add(started
                    ? "Entrée " + sequence + " : chaînage rompu (elle n'est pas chaînée à l'empreinte de l'entrée "
                        + previousSequence + ")."
                    : "Entrée " + sequence + " : chaînage rompu (elle n'est pas chaînée au début du journal).");
            }
            if (inOrder) {
                started = true;
                previousSequence = sequence;
                previousHash = entry.hash();
            }
        }

        /** The outcome for the rows seen so far. */
        AuditVerification result() {
            return new AuditVerification(problems.isEmpty(), checked, problems);
        }

        private String missing(long sequence) {
            long first = previousSequence + 1;
            String missing = sequence - 1 == first
                ? "Entrée " + first + " manquante"
                : "Entrées " + first + " à " + (sequence - 1) + " manquantes";
            return started
                ? missing + " (la séquence passe de " + previousSequence + " à " + sequence + ")."
                : missing + " (le journal commence à l'entrée " + sequence + ").";
        }
    }
}
