package org.liasse.api.dossier;

/** SIREN numbers: nine digits whose last one is a Luhn check digit. */
public final class Siren {

    private Siren() {
    }

    /** Whether the text is a well-formed SIREN with a valid Luhn check digit. */
    public static boolean isValid(String siren) {
        if (siren == null || siren.length() != 9) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            char c = siren.charAt(8 - i);
            if (c < '0' || c > '9') {
                return false;
            }
            int digit = c - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
