package org.liasse.exchange;

/**
 * Formula injection (CSV/spreadsheet injection): a text that a spreadsheet would run as a formula. On import such a
 * text is refused; on export it is neutralised with a leading apostrophe, which an import removes again.
 */
final class Formulas {

    /** The prefix that makes a spreadsheet show a text as it is. */
    static final char NEUTRALISER = '\'';

    private Formulas() {
    }

    /**
     * Whether a value would be taken as a formula: it starts with {@code =}, {@code +}, {@code @}, a tab or a
     * carriage return, or with {@code -} not followed by a number.
     */
    static boolean dangerous(String value) {
        if (value.isEmpty()) {
            return false;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '@', '\t', '\r' -> true;
            case '-' -> !isNumber(value.substring(1));
            default -> false;
        };
    }

    /** A text as written to a CSV or XLSX export: dangerous values get a leading apostrophe. */
    static String neutralise(String value) {
        return dangerous(value) ? NEUTRALISER + value : value;
    }

    /** A value as read from an import: the apostrophe that an export added before a dangerous value is removed. */
    static String restore(String value) {
        if (value.length() > 1 && value.charAt(0) == NEUTRALISER && dangerous(value.substring(1))) {
            return value.substring(1);
        }
        return value;
    }

    /** A number as people write it: digits, one decimal point or comma, spaces between thousands. */
    private static boolean isNumber(String text) {
        String compact = text.replace(" ", "").replace('\u00a0', ' ').replace('\u202f', ' ').replace(" ", "");
        return compact.matches("[0-9]+([.,][0-9]+)?|[.,][0-9]+");
    }
}
