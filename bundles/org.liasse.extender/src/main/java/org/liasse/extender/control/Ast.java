package org.liasse.extender.control;

import java.math.BigDecimal;
import java.util.List;

/** The parsed form of a rule, before names are resolved; offsets locate each node in its source. */
public sealed interface Ast {

    /** Offset of the first character. */
    int start();

    /** Offset just after the last character. */
    int end();

    /** A number literal. */
    record Number(BigDecimal value, int start, int end) implements Ast {
    }

    /** A string literal. */
    record Text(String value, int start, int end) implements Ast {
    }

    /** {@code true} or {@code false}. */
    record Truth(boolean value, int start, int end) implements Ast {
    }

    /**
     * A cell.
     *
     * @param questionnaire the {@code QUESTIONNAIRE:} prefix, {@code null} for the checked questionnaire
     */
    record Cell(String questionnaire, String cell, int start, int end) implements Ast {
    }

    /** The cells between two cells of a table ({@code A:B}), only as a function argument. */
    record Range(String questionnaire, String from, String to, int start, int end) implements Ast {
    }

    /** One column of every row of a repeating table ({@code FICHE.TABLE_*.COLUMN}), only as a function argument. */
    record EveryRow(String questionnaire, String fiche, String table, String column, int start, int end)
        implements Ast {
    }

    /** {@code -x}. */
    record Negate(Ast operand, int start, int end) implements Ast {
    }

    /** {@code + - * /}. */
    record Arithmetic(char operator, Ast left, Ast right, int start, int end) implements Ast {
    }

    /**
     * A comparison.
     *
     * @param operator  {@code = <> < <= > >=}
     * @param tolerance the {@code tolerance} literal, {@code null} when none
     */
    record Comparison(String operator, Ast left, Ast right, BigDecimal tolerance, int start, int end) implements Ast {
    }

    /** {@code and} ({@code conjunction}) or {@code or}. */
    record Logic(boolean conjunction, Ast left, Ast right, int start, int end) implements Ast {
    }

    /** {@code not x}. */
    record Not(Ast operand, int start, int end) implements Ast {
    }

    /** {@code if c then a [else b]}; {@code otherwise} is {@code null} without {@code else}. */
    record If(Ast condition, Ast then, Ast otherwise, int start, int end) implements Ast {
    }

    /** A function call; {@code name} is at {@code start}. */
    record Call(String name, List<Ast> arguments, int start, int end) implements Ast {
    }

    /** {@code aggregate(CODE)}; the code is at {@code codeOffset}. */
    record Aggregate(String code, int codeOffset, int start, int end) implements Ast {
    }
}
