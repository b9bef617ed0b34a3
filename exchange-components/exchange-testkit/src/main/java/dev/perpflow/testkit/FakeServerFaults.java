package dev.perpflow.testkit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Scripted faults of a fake venue, consumed in order by the requests they match: an error answer instead of
 * handling the request (429, 418, 5xx), or handling the request and never answering (the "timeout after accept"
 * that makes a submit's outcome unknown).
 */
public final class FakeServerFaults {

    /** What the server does with one matching request. */
    sealed interface Fault {
        Predicate<FakeRequest> matches();
    }

    record Answer(Predicate<FakeRequest> matches, FakeResponse response) implements Fault {
    }

    record Withhold(Predicate<FakeRequest> matches) implements Fault {
    }

    private final Deque<Fault> pending = new ArrayDeque<>();

    /** The next {@code count} requests matching {@code matches} get {@code response} without being handled. */
    public synchronized FakeServerFaults answerNext(int count, Predicate<FakeRequest> matches, FakeResponse response) {
        for (int i = 0; i < count; i++) {
            pending.add(new Answer(matches, response));
        }
        return this;
    }

    /** The next request matching {@code matches} is handled (an order is accepted) but no response is ever sent. */
    public synchronized FakeServerFaults withholdResponseNext(Predicate<FakeRequest> matches) {
        pending.add(new Withhold(matches));
        return this;
    }

    public synchronized void clear() {
        pending.clear();
    }

    synchronized Optional<Fault> take(FakeRequest request) {
        for (var it = pending.iterator(); it.hasNext(); ) {
            Fault fault = it.next();
            if (fault.matches().test(request)) {
                it.remove();
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }

    /** Matches requests by method and exact path, e.g. {@code on("POST", "/fapi/v1/order")}. */
    public static Predicate<FakeRequest> on(String method, String path) {
        return request -> request.method().equalsIgnoreCase(method) && request.path().equals(path);
    }

    public static Predicate<FakeRequest> any() {
        return request -> true;
    }
}
