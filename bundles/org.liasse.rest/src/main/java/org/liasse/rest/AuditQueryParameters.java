package org.liasse.rest;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.liasse.api.audit.AuditFilter;
import org.liasse.api.error.FieldError;
import org.liasse.api.error.LiasseException;
import org.liasse.api.format.FrenchFormat;

/**
 * The query parameters of the audit log read as a filter and a page, refused together with every problem named:
 * {@code acteur} (exact login), {@code action} (exact code), {@code du} and {@code au} (dates JJ/MM/AAAA or AAAA-MM-JJ, both
 * included, days in Paris time), {@code dernier} (the last sequence number of a reading: the newest entry of its
 * first page, so that its next pages don't shift as entries are added), {@code limit} (1 to 1000, 200 by default)
 * and {@code offset} (0 or more).
 *
 * @param actor  the {@code acteur} parameter, blank for everyone
 * @param action the {@code action} parameter, blank for every action
 * @param from   the {@code du} parameter
 * @param to     the {@code au} parameter
 * @param last   the {@code dernier} parameter, blank up to the newest entry
 */
record AuditQueryParameters(String actor, String action, String from, String to, String last) {

    /** The parameters of an export, which reads up to the newest entry. */
    AuditQueryParameters(String actor, String action, String from, String to) {
        this(actor, action, from, to, null);
    }

    static final int MAX_LIMIT = 1000;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int TEXT_LENGTH = 120;

    /**
     * The filter restricted to these organisations ({@code null}: all).
     *
     * @throws LiasseException 400 {@code filtre-invalide} naming each wrong parameter
     */
    AuditFilter filter(Set<String> sirens) {
        List<FieldError> errors = new ArrayList<>();
        String who = text("acteur", actor, errors);
        String what = text("action", action, errors);
        LocalDate first = date("du", from, errors);
        LocalDate last = date("au", to, errors);
        if (first != null && last != null && first.isAfter(last)) {
            errors.add(new FieldError("au", "periode-inversee", "La date de fin précède la date de début."));
        }
        Long newest = sequence(errors);
        if (!errors.isEmpty()) {
            throw refusal(errors);
        }
        return new AuditFilter(sirens, who, what, first == null ? null : first.atStartOfDay(PARIS).toInstant(),
            last == null ? null : last.plusDays(1).atStartOfDay(PARIS).toInstant(), newest);
    }

    /**
     * A whole number within bounds, or its default when absent.
     *
     * @throws LiasseException 400 {@code filtre-invalide} when it is not
     */
    static int number(String field, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below, like a number out of bounds
        }
        throw refusal(List.of(new FieldError(field, "nombre-invalide",
            "« " + value + " » n’est pas un nombre entier de " + min + " à " + max + ".")));
    }

    private Long sequence(List<FieldError> errors) {
        if (last == null || last.isBlank()) {
            return null;
        }
        try {
            long sequence = Long.parseLong(last.strip());
            if (sequence > 0) {
                return sequence;
            }
        } catch (NumberFormatException e) {
            // refused below, like a number out of bounds
        }
        errors.add(new FieldError("dernier", "nombre-invalide", "« " + last + " » n’est pas un numéro d’entrée."));
        return null;
    }

    private static String text(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > TEXT_LENGTH) {
            errors.add(new FieldError(field, "trop-long", "Ce critère dépasse " + TEXT_LENGTH + " caractères."));
        }
        return value.strip();
    }

    private static LocalDate date(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return FrenchFormat.parseDate(value).orElseGet(() -> {
            errors.add(new FieldError(field, "date-invalide", "« " + value + " » n’est pas une date JJ/MM/AAAA."));
            return null;
        });
    }

    private static LiasseException refusal(List<FieldError> errors) {
        return new LiasseException(400, "filtre-invalide", "Le filtre du journal est invalide : "
            + errors.stream().map(FieldError::message).collect(Collectors.joining(" ")), errors);
    }
}
