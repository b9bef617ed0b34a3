package dev.perpflow.exchange.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.exchange.http.VenueRequest.Priority;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The shared budget's queue, its shrinking on 429/418 and its recovery, on a manual clock. */
class RateLimiterShrinksOnLimitsAndServesCriticalFirstTest {

    private final AtomicLong now = new AtomicLong();
    /** One weight per second. */
    private final RateLimiter limiter = RateLimiter.withClock("venue-weight", 60, Duration.ofMinutes(1), now::get);

    @Test
    void whenTheBudgetIsShortACriticalRequestIsServedBeforeReadsQueuedEarlier() {
        limiter.acquire(60, Priority.NORMAL).join(); // budget spent
        List<String> served = new ArrayList<>();
        CompletableFuture<Void> read1 = limiter.acquire(1, Priority.NORMAL).thenRun(() -> served.add("read1"));
        CompletableFuture<Void> read2 = limiter.acquire(1, Priority.NORMAL).thenRun(() -> served.add("read2"));
        CompletableFuture<Void> cancel = limiter.acquire(1, Priority.CRITICAL).thenRun(() -> served.add("cancel"));

        advance(Duration.ofMillis(1500));
        assertThat(served).containsExactly("cancel");
        advance(Duration.ofMillis(2000));
        assertThat(served).containsExactly("cancel", "read1", "read2");
        assertThat(read1).isDone();
        assertThat(read2).isDone();
        assertThat(cancel).isDone();
    }

    @Test
    void aRateLimitBlocksEveryRequestUntilRetryAfterAndTheRefillThenRunsAtHalfRate() {
        limiter.limited(Duration.ofSeconds(10), false);

        assertThat(limiter.blockedFor(Priority.NORMAL, true)).isEqualTo(Duration.ofSeconds(10));
        assertThat(limiter.blockedFor(Priority.CRITICAL, false)).isEqualTo(Duration.ofSeconds(10));
        assertThat(limiter.blockedFor(Priority.CRITICAL, true)).as("a venue that allows criticals").isZero();
        CompletableFuture<Void> waiting = limiter.acquire(1, Priority.NORMAL);
        advance(Duration.ofSeconds(9));
        assertThat(waiting).as("nothing granted inside Retry-After").isNotDone();

        advance(Duration.ofSeconds(1));
        assertThat(limiter.blockedFor(Priority.NORMAL, false)).isZero();
        assertThat(limiter.rateFactor()).isEqualTo(0.5);
        // the bucket restarts empty and refills at half a weight per second
        advance(Duration.ofMillis(1500));
        assertThat(waiting).isNotDone();
        advance(Duration.ofMillis(1000));
        assertThat(waiting).isDone();
    }

    @Test
    void aSustainedStormKeepsShrinkingTheBudgetWhichRecoversPeriodByPeriodAfterwards() {
        for (int i = 0; i < 6; i++) {
            limiter.limited(Duration.ofSeconds(1), false);
            advance(Duration.ofSeconds(1));
        }
        assertThat(limiter.rateFactor()).as("halved per limit, never below 1/16").isEqualTo(1.0 / 16);

        advance(Duration.ofMinutes(1));
        assertThat(limiter.rateFactor()).isEqualTo(1.0 / 8);
        advance(Duration.ofMinutes(3));
        assertThat(limiter.rateFactor()).isEqualTo(1.0);
        advance(Duration.ofMinutes(1));
        assertThat(limiter.available()).as("whole again").isEqualTo(60.0);
    }

    @Test
    void anIpBanHoldsCriticalRequestsTooForTheWholeRetryAfter() {
        limiter.limited(Duration.ofSeconds(120), true);

        assertThat(limiter.blockedFor(Priority.CRITICAL, true)).isEqualTo(Duration.ofSeconds(120));
        CompletableFuture<Void> cancel = limiter.acquire(1, Priority.CRITICAL);
        advance(Duration.ofSeconds(119));
        assertThat(cancel).isNotDone();
        advance(Duration.ofSeconds(4));
        assertThat(cancel).isDone();
        // the ban is over: a later 429 lets criticals through again where the venue allows them
        limiter.limited(Duration.ofSeconds(1), false);
        assertThat(limiter.blockedFor(Priority.CRITICAL, true)).isZero();
    }

    @Test
    void aCallerThatGaveUpWaitingSpendsNothing() {
        limiter.acquire(60, Priority.NORMAL).join();
        CompletableFuture<Void> abandoned = limiter.acquire(30, Priority.NORMAL);
        abandoned.cancel(false);
        CompletableFuture<Void> next = limiter.acquire(1, Priority.NORMAL);

        advance(Duration.ofMillis(1500));

        assertThat(next).isDone();
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
        limiter.drain();
    }
}
