package io.github.camelpreservica.signing;

/** The outcome of checking a delivery's {@code Preservica-Signature}, detailed enough for rejection counters. */
public enum SignatureCheck {
    /** The header matches the body. */
    VALID,
    /** No header, or an empty one. */
    MISSING,
    /** The header is not 64 hexadecimal characters (e.g. truncated, or prefixed with {@code sha256=}). */
    MALFORMED,
    /** Well-formed, but not the signature of this body under our secret. */
    MISMATCH;

    public boolean isValid() {
        return this == VALID;
    }
}
