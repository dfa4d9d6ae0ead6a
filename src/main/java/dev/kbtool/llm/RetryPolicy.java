package dev.kbtool.llm;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before a retry: exponential back-off with full jitter (a random wait
 * between zero and the exponential bound, so many workers hit by the same outage do not
 * come back in lock step), unless the server said how long to wait, which wins up to a cap.
 */
final class RetryPolicy {
    private final int maxRetries;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Duration maxRetryAfter;
    private final DoubleSupplier random;
    private final Clock clock;

    RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter, DoubleSupplier random,
            Clock clock) {
        this.maxRetries = maxRetries;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.maxRetryAfter = maxRetryAfter;
        this.random = random;
        this.clock = clock;
    }

    int maxRetries() {
        return maxRetries;
    }

    /**
     * The wait before retry number {@code retry} (1 for the first retry).
     *
     * @param retryAfter what the server asked for, if anything
     */
    Duration delay(int retry, Optional<Duration> retryAfter) {
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get();
            return asked.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked;
        }
        int exponent = Math.min(retry - 1, 30);
        long boundMillis = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << exponent);
        if (boundMillis < 0) {
            boundMillis = maxDelay.toMillis();
        }
        return Duration.ofMillis((long) (random.getAsDouble() * boundMillis));
    }

    /**
     * The wait a response asks for: {@code retry-after-ms} (sent by OpenAI), else
     * {@code Retry-After} as seconds or as an HTTP date. Unparseable values are ignored.
     */
    Optional<Duration> retryAfter(HttpHeaders headers) {
        Optional<String> millis = headers.firstValue("retry-after-ms");
        if (millis.isPresent()) {
            try {
                return Optional.of(Duration.ofMillis(Math.max(0, Math.round(Double.parseDouble(millis.get().strip())))));
            } catch (NumberFormatException e) {
                // fall through to Retry-After
            }
        }
        return headers.firstValue("retry-after").flatMap(this::parseRetryAfter);
    }

    Optional<Duration> parseRetryAfter(String value) {
        String v = value.strip();
        if (v.matches("\\d+(\\.\\d+)?")) {
            return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000)));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
