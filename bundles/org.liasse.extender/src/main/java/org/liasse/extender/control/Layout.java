package org.liasse.extender.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.liasse.api.control.ControlData;
import org.liasse.api.definition.FieldType;

/**
 * Assigns a slot to every cell the rules of a plan read: cells of the dossier, of the dossier of year N-1 and of
 * other questionnaires. Rules are compiled against slots, and {@link #prepare} reads a dossier's values into a
 * {@link Frame} once.
 */
final class Layout {

    /** Where a slot's value comes from. */
    enum Source { CURRENT, PREVIOUS, OTHER }

    private record Key(Source source, String questionnaire, String cell) {
    }

    private record Slot(Key key, Type type) {
    }

    private final Map<Key, Integer> slots = new HashMap<>();
    private final List<Slot> list = new ArrayList<>();
    private volatile Slot[] frozen = new Slot[0];
    private int memos;

    /** The slot of a cell, allocated on first use. */
    int slot(Source source, String questionnaire, String cell, Type type) {
        Key key = new Key(source, source == Source.OTHER ? questionnaire : "", cell);
        return slots.computeIfAbsent(key, k -> {
            list.add(new Slot(k, type));
            return list.size() - 1;
        });
    }

    /** A new slot for an aggregate's value, kept in each frame once computed. */
    int memo() {
        return memos++;
    }

    /** Number of slots. */
    int size() {
        return list.size();
    }

    /** Whether a slot reads the dossier of year N-1. */
    boolean readsPrevious() {
        return slots.keySet().stream().anyMatch(key -> key.source() == Source.PREVIOUS);
    }

    /** The other questionnaires slots read. */
    Set<String> others() {
        return slots.keySet().stream().filter(key -> key.source() == Source.OTHER).map(Key::questionnaire)
            .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Ends allocation: call once every rule of the plan is compiled, before {@link #prepare}. */
    void freeze() {
        frozen = list.toArray(new Slot[0]);
    }

    /** Reads a dossier's values into a new frame. */
    Frame prepare(ControlData data) {
        Slot[] all = frozen;
        Frame frame = new Frame(all.length, memos);
        for (int i = 0; i < all.length; i++) {
            Slot slot = all[i];
            Map<String, String> values = switch (slot.key().source()) {
                case CURRENT -> data.values();
                case PREVIOUS -> data.previous();
                case OTHER -> data.others().getOrDefault(slot.key().questionnaire(), Map.of());
            };
            read(frame, i, slot, values.get(slot.key().cell()));
        }
        return frame;
    }

    private static void read(Frame frame, int i, Slot slot, String value) {
        if (value == null || value.isEmpty()) {
            frame.numbers[i] = Values.EMPTY;
            return;
        }
        switch (slot.type()) {
            case NUMBER -> {
                long fixed = Values.parse(value);
                frame.numbers[i] = fixed;
                if (fixed == Values.INEXACT) {
                    frame.decimals[i] = new BigDecimal(value);
                } else if (fixed == Values.UNREADABLE) {
                    frame.unreadable[i] = unreadable(slot, value, "n'est pas un nombre");
                }
            }
            case BOOLEAN -> {
                if (value.equals("true") || value.equals("false")) {
                    frame.numbers[i] = value.equals("true") ? 1 : 0;
                } else {
                    frame.numbers[i] = Values.UNREADABLE;
                    frame.unreadable[i] = unreadable(slot, value, "n'est ni true ni false");
                }
            }
            case DATE -> {
                Optional<LocalDate> date = FieldType.date(value);
                if (date.isEmpty()) {
                    frame.numbers[i] = Values.UNREADABLE;
                    frame.unreadable[i] = unreadable(slot, value, "n'est pas une date AAAA-MM-JJ");
                    return;
                }
                // Four-digit years: the text sorts in the order of the calendar, and dates compare as such
                frame.texts[i] = date.get().toString();
                frame.numbers[i] = 0;
            }
            case TEXT -> {
                frame.texts[i] = value;
                frame.numbers[i] = 0;
            }
        }
    }

    private static String unreadable(Slot slot, String value, String why) {
        Key key = slot.key();
        String where = switch (key.source()) {
            case CURRENT -> "la cellule " + key.cell();
            case PREVIOUS -> "la cellule " + key.cell() + " du dossier de l'année précédente";
            case OTHER -> "la cellule " + key.cell() + " du questionnaire " + key.questionnaire();
        };
        return "valeur illisible dans " + where + " : « " + value + " » " + why;
    }
}
