package dev.kbtool.llm;

import java.time.Duration;
import java.util.Optional;

/**
 * Why one attempt of a call failed, and what the retry loop should do about it. Internal to
 * the client: callers only ever see {@link LlmException} or {@link LlmUnavailableException}.
 */
final class CallFailure extends Exception {
    enum Kind {
        /** Worth another attempt after a back-off: 429, 5xx, timeouts, dropped or stalled connections. */
        RETRYABLE,
        /** The service is unusable for every document: key rejected, no such endpoint or model. */
        UNAVAILABLE,
        /** This request is refused; sending it again would not help. */
        REFUSED,
        /** The request was adjusted to what the server accepts; send it again at once. */
        ADAPTED
    }

    private final Kind kind;
    private final Optional<Duration> retryAfter;
    private final boolean unreachable;

    private CallFailure(Kind kind, String reason, Optional<Duration> retryAfter, boolean unreachable, Throwable cause) {
        super(reason, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
        this.unreachable = unreachable;
    }

    static CallFailure retryable(String reason) {
        return new CallFailure(Kind.RETRYABLE, reason, Optional.empty(), false, null);
    }

    static CallFailure retryable(String reason, Optional<Duration> retryAfter) {
        return new CallFailure(Kind.RETRYABLE, reason, retryAfter, false, null);
    }

    /** No connection could be made at all. */
    static CallFailure unreachable(String reason, Throwable cause) {
        return new CallFailure(Kind.RETRYABLE, reason, Optional.empty(), true, cause);
    }

    static CallFailure unavailable(String message) {
        return new CallFailure(Kind.UNAVAILABLE, message, Optional.empty(), false, null);
    }

    static CallFailure refused(String message) {
        return new CallFailure(Kind.REFUSED, message, Optional.empty(), false, null);
    }

    static CallFailure adapted(String what) {
        return new CallFailure(Kind.ADAPTED, what, Optional.empty(), false, null);
    }

    Kind kind() {
        return kind;
    }

    Optional<Duration> retryAfter() {
        return retryAfter;
    }

    boolean unreachable() {
        return unreachable;
    }
}
