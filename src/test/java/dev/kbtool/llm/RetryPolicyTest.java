package dev.kbtool.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

    private static RetryPolicy policy(double random) {
        return new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(60), () -> random,
                NOW);
    }

    private static HttpHeaders headers(String name, String value) {
        return HttpHeaders.of(Map.of(name, List.of(value)), (a, b) -> true);
    }

    @Test
    void backOffGrowsExponentiallyUpToTheCapWithFullJitter() {
        RetryPolicy top = policy(0.999_999);
        assertThat(top.delay(1, Optional.empty())).isEqualTo(Duration.ofMillis(999));
        assertThat(top.delay(2, Optional.empty())).isEqualTo(Duration.ofMillis(1999));
        assertThat(top.delay(3, Optional.empty())).isEqualTo(Duration.ofMillis(3999));
        assertThat(top.delay(5, Optional.empty())).isEqualTo(Duration.ofMillis(9999));
        assertThat(top.delay(40, Optional.empty())).isEqualTo(Duration.ofMillis(9999));
        assertThat(policy(0.0).delay(3, Optional.empty())).isEqualTo(Duration.ZERO);
        assertThat(policy(0.5).delay(3, Optional.empty())).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aServerRequestedWaitWinsUpToItsCap() {
        assertThat(policy(0.5).delay(1, Optional.of(Duration.ofSeconds(7)))).isEqualTo(Duration.ofSeconds(7));
        assertThat(policy(0.5).delay(1, Optional.of(Duration.ofHours(1)))).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void readsRetryAfterAsSecondsAsAnHttpDateAndAsMilliseconds() {
        RetryPolicy p = policy(0.5);
        assertThat(p.retryAfter(headers("Retry-After", "12"))).contains(Duration.ofSeconds(12));
        assertThat(p.retryAfter(headers("Retry-After", "Sun, 01 Mar 2026 12:00:30 GMT"))).contains(Duration.ofSeconds(30));
        assertThat(p.retryAfter(headers("Retry-After", "Sun, 01 Mar 2026 11:00:00 GMT"))).contains(Duration.ZERO);
        assertThat(p.retryAfter(headers("retry-after-ms", "1500"))).contains(Duration.ofMillis(1500));
        assertThat(p.retryAfter(headers("Retry-After", "soon"))).isEmpty();
        assertThat(p.retryAfter(headers("X-Other", "1"))).isEmpty();
    }
}
