package org.liasse.extender.formula;

/** A formula that cannot be compiled, with the offset in its source where the problem is. */
public final class FormulaException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int offset;

    /** A problem at a zero-based offset of the source. */
    public FormulaException(int offset, String message) {
        super(message);
        this.offset = offset;
    }

    /** Zero-based offset in the formula source. */
    public int offset() {
        return offset;
    }
}
