package dev.perpflow.exchange.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong();
    private final RateLimiter limiter = RateLimiter.withClock("aster-weight", 60, Duration.ofMinutes(1), now::get);

    @Test
    void aFullBudgetGrantsWithoutWaiting() {
        assertThat(limiter.reserve(20)).isZero();
        assertThat(limiter.reserve(40)).isZero();
    }

    @Test
    void anOverspendWaitsForTheRefillOfTheMissingWeight() {
        limiter.reserve(60);
        // one unit per second refills
        assertThat(limiter.reserve(5)).isEqualTo(Duration.ofSeconds(5));
        // the next caller queues behind the first reservation
        assertThat(limiter.reserve(1)).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void theBudgetRefillsOverTimeButNeverAboveCapacity() {
        limiter.reserve(60);
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(limiter.available()).isCloseTo(30.0, org.assertj.core.data.Offset.offset(1e-9));
        now.addAndGet(Duration.ofHours(1).toNanos());
        assertThat(limiter.available()).isEqualTo(60.0);
    }

    @Test
    void aWeightLargerThanTheBudgetIsRefused() {
        assertThatThrownBy(() -> limiter.reserve(61)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aster-weight");
    }
}
