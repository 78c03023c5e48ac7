package org.liasse.storage;

import java.math.BigDecimal;

/** A stored value: exactly one of the two is set. */
record CellValue(BigDecimal number, String text) {

    /** The canonical text form used by the API. */
    String canonical() {
        return number != null ? number.stripTrailingZeros().toPlainString() : text;
    }
}
