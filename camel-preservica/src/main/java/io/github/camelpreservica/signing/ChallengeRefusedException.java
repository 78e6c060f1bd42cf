package io.github.camelpreservica.signing;

/** A subscription challenge this receiver will not answer; the message never contains the secret. */
public final class ChallengeRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the challenge was refused. */
    public enum Reason {
        /** No challenge code, or an empty one. */
        MISSING,
        /** Longer than {@link WebhookSignatures#MAX_CHALLENGE_CODE_LENGTH}. */
        TOO_LONG,
        /** Starts with the delivery prefix, so answering it would sign a forged delivery. */
        SIGNING_ORACLE
    }

    private final Reason reason;

    public ChallengeRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
