package org.liasse.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.liasse.api.definition.MappingDefinition;
import org.liasse.api.exchange.ImportFile;
import org.liasse.api.exchange.ImportMessage;
import org.liasse.api.exchange.ImportedValue;

/**
 * Gathers what the readers of the three formats find, and applies the rules they share: the mapping of keys to
 * cells, one value per cell, a bounded value length and number of lines, and no formula injection.
 */
final class Collector {

    /** Largest value accepted, the largest text a questionnaire may declare. */
    static final int MAX_VALUE_LENGTH = 4000;
    /** Most data lines a file may hold. */
    static final int MAX_LINES = 100_000;

    private final MappingDefinition mapping;
    private final List<ImportedValue> values = new ArrayList<>();
    private final List<ImportMessage> problems = new ArrayList<>();
    private final Map<String, Integer> lineOfCell = new HashMap<>();
    private int lines;

    Collector(MappingDefinition mapping) {
        this.mapping = mapping;
    }

    /** Counts one data line; false once the file has more lines than allowed (reported once). */
    boolean line(int line) {
        lines++;
        if (lines == MAX_LINES + 1) {
            problem(line, 0, null, "trop-de-lignes", "Le fichier dépasse " + MAX_LINES
                + " lignes de données : découpez-le en plusieurs fichiers.");
        }
        return lines <= MAX_LINES;
    }

    /** One key and its value read at a place of the file. */
    void value(int line, int keyColumn, int valueColumn, String rawKey, String rawValue) {
        String key = rawKey == null ? "" : rawKey.strip();
        if (key.isEmpty()) {
            problem(line, keyColumn, null, "cle-manquante", "La colonne « " + mapping.keyColumn() + " » est vide.");
            return;
        }
        String cell = mapping.cellFor(key);
        if (cell == null) {
            problem(line, keyColumn, null, "cle-inconnue", "La clé « " + shorten(key)
                + " » n'est pas prévue par la correspondance « " + mapping.title() + " ».");
            return;
        }
        String value = rawValue == null ? "" : rawValue;
        if (value.length() > MAX_VALUE_LENGTH) {
            problem(line, valueColumn, cell, "valeur-trop-longue", "La valeur dépasse " + MAX_VALUE_LENGTH + " caractères.");
            return;
        }
        String stripped = value.strip();
        String restored = Formulas.restore(stripped);
        boolean leadingControl = Formulas.dangerous(value) && !Formulas.dangerous(stripped);
        boolean formula = restored.equals(stripped) && Formulas.dangerous(stripped);
        if (leadingControl || formula) {
            problem(line, valueColumn, cell, "injection-formule", "La valeur « " + shorten(value) + " » commence par "
                + "un caractère qui ferait d'elle une formule de tableur (=, +, -, @, tabulation) : elle est refusée.");
            return;
        }
        Integer first = lineOfCell.putIfAbsent(cell, line);
        if (first != null) {
            problem(line, keyColumn, cell, "cellule-en-double", "La cellule « " + cell + " » est déjà donnée ligne "
                + first + ".");
            return;
        }
        values.add(new ImportedValue(line, valueColumn, key, cell, restored));
    }

    /** Refuses the whole file: what was read of it is dropped, this problem alone is reported. */
    void refuse(String code, String message) {
        values.clear();
        problems.clear();
        lineOfCell.clear();
        problem(0, 0, null, code, message);
    }

    /** A problem at a place of the file. */
    void problem(int line, int column, String cell, String code, String message) {
        problems.add(new ImportMessage(line, column, cell, code, message));
    }

    /** What was read. */
    ImportFile result() {
        return new ImportFile(Math.min(lines, MAX_LINES), values, problems);
    }

    /** A value cut for a message. */
    static String shorten(String text) {
        String oneLine = text.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 40) + "…";
    }
}
