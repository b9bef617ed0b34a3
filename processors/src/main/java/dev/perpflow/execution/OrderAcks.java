package dev.perpflow.execution;

import java.time.Duration;

/**
 * Told how long each venue took to answer an order submit (the order placed, or refused by the venue): the
 * acknowledgement latency the app exports as a histogram. Submits the venue never answered (timeout, unreachable,
 * held back by a rate limit) are not acknowledgements and are not reported.
 */
@FunctionalInterface
public interface OrderAcks {

    /** Reports nothing. */
    OrderAcks NONE = (venue, elapsed) -> { };

    void acknowledged(String venue, Duration elapsed);
}
