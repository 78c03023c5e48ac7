package org.liasse.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.liasse.api.audit.AuditEvent;

/**
 * The audit log in French, the same on the journal page and in its CSV export: each action's label (« Droits
 * modifiés ») and each entry as a sentence (« Droits d’alice modifiés par camille »), from
 * {@code audit-fr.properties}. « de » and « à » before a name are elided or contracted as French writes them
 * (« d’alice », « du serveur », « au serveur »). An action without a line reads as its code: a request recorded by
 * the access filter (« PATCH /dossiers/{id}/values ») as « Requête PATCH sur … par … ».
 */
final class AuditWording {

    /** An action as the journal's filter offers it. */
    record Action(String code, String label) {
    }

    private static final Map<String, String[]> ACTIONS = load();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(actor|target)}");
    private static final Pattern REQUEST = Pattern.compile("^(GET|POST|PUT|PATCH|DELETE) ");
    private static final Pattern VOWEL = Pattern.compile("^[aeiouyàâäéèêëîïôöûüAEIOUYÀÂÉÈÊÎÔÛ]");

    private AuditWording() {
    }

    /** Every known action, by label in French alphabetical order. */
    static List<Action> actions() {
        Collator french = Collator.getInstance(Locale.FRENCH);
        return ACTIONS.entrySet().stream().map(action -> new Action(action.getKey(), action.getValue()[0]))
            .sorted(Comparator.comparing(Action::label, french)).toList();
    }

    /** Whether the action has French words. */
    static boolean knows(String action) {
        return ACTIONS.containsKey(action);
    }

    /** The action's French label, or its code when it has none. */
    static String label(String action) {
        String[] words = ACTIONS.get(action);
        return words == null ? action : words[0];
    }

    /** Who acted, in words: the login, or what the platform's own names stand for. */
    static String actor(String actor) {
        if (actor == null || actor.isEmpty() || "anonyme".equals(actor)) {
            return "une personne non connectée";
        }
        if ("systeme".equals(actor)) {
            return "la plateforme";
        }
        return actor.startsWith("serveur:") ? "le serveur " + actor.substring("serveur:".length()) : actor;
    }

    /** The entry as a French sentence, starting with a capital letter. */
    static String sentence(AuditEvent event) {
        String actor = actor(event.actor());
        String target = event.target() == null ? "" : event.target();
        String[] words = ACTIONS.get(event.action());
        String sentence;
        if (words != null) {
            sentence = fill(words[1], actor, target);
        } else {
            Matcher request = REQUEST.matcher(event.action() == null ? "" : event.action());
            sentence = request.find()
                ? fill("Requête " + request.group(1) + " sur {target} par {actor}", actor,
                    target.isEmpty() ? event.action().substring(request.end()) : target)
                : fill("Action « " + event.action() + " » par {actor}", actor, target);
        }
        return sentence.isEmpty() ? sentence : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }

    private static String fill(String template, String actor, String target) {
        StringBuilder sentence = new StringBuilder();
        Matcher placeholder = PLACEHOLDER.matcher(template);
        int done = 0;
        while (placeholder.find()) {
            String value = "actor".equals(placeholder.group(1)) ? actor : target;
            sentence.append(template, done, placeholder.start());
            join(sentence, value);
            done = placeholder.end();
        }
        return sentence.append(template, done, template.length()).toString();
    }

    /** Appends a name after what precedes it, eliding « de » and contracting « de le » and « à le ». */
    private static void join(StringBuilder sentence, String value) {
        boolean afterDe = endsWithWord(sentence, "de ");
        if (afterDe && value.startsWith("le ")) {
            sentence.setLength(sentence.length() - "de ".length());
            sentence.append("du ").append(value.substring("le ".length()));
        } else if (endsWithWord(sentence, "à ") && value.startsWith("le ")) {
            sentence.setLength(sentence.length() - "à ".length());
            sentence.append("au ").append(value.substring("le ".length()));
        } else if (afterDe && VOWEL.matcher(value).find()) {
            sentence.setLength(sentence.length() - "de ".length());
            sentence.append("d’").append(value);
        } else {
            sentence.append(value);
        }
    }

    private static boolean endsWithWord(StringBuilder text, String word) {
        int start = text.length() - word.length();
        return start >= 0 && text.substring(start).equals(word) && (start == 0 || text.charAt(start - 1) == ' ');
    }

    private static Map<String, String[]> load() {
        Properties lines = new Properties();
        try (InputStream in = AuditWording.class.getResourceAsStream("audit-fr.properties")) {
            lines.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines.stringPropertyNames().stream().collect(Collectors.toUnmodifiableMap(code -> code, code -> {
            String[] words = lines.getProperty(code).split("\\s*\\|\\s*", 2);
            if (words.length != 2) {
                throw new IllegalStateException("audit-fr.properties: « label | sentence » expected for " + code);
            }
            return words;
        }));
    }
}
