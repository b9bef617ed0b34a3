package dev.perpflow.app.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.app.events.DomainEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code funding-round} route of routes/funding-round.camel.yaml on its own: a round is stored, the
 * opportunities ranked again, and "opportunities changed" published only when the ranking changed.
 */
class FundingRoundRouteTest {

    /** Stands in for the funding store, the ranking and the event outbox, recording what the route asks. */
    public static final class Recorder {

        final List<String> calls = new CopyOnWriteArrayList<>();
        volatile DomainEvent nextRanking;

        public void store(Object snapshot) {
            calls.add("store " + snapshot);
        }

        public DomainEvent rerank() {
            calls.add("rerank");
            return nextRanking;
        }

        public void publish(DomainEvent event) {
            calls.add("publish " + event.type());
        }
    }

    private final Recorder recorder = new Recorder();
    private YamlRoutes routes;

    @AfterEach
    void stop() {
        routes.close();
    }

    @Test
    void aRoundThatChangesTheRankingPublishesOpportunitiesChanged() throws Exception {
        start();
        recorder.nextRanking = DomainEvent.of("opportunities_changed", DomainEvent.Level.INFO,
                java.time.Instant.parse("2026-12-04T12:00:00Z"), Map.of("count", 3));

        routes.send("funding-round", "round-of-sim-a", Map.of());

        assertThat(recorder.calls).containsExactly("store round-of-sim-a", "rerank", "publish opportunities_changed");
    }

    @Test
    void aRoundThatLeavesTheRankingAsItWasPublishesNothing() throws Exception {
        start();
        recorder.nextRanking = null;

        routes.send("funding-round", "round-of-sim-b", Map.of());

        assertThat(recorder.calls).containsExactly("store round-of-sim-b", "rerank");
    }

    private void start() throws Exception {
        routes = new YamlRoutes(Map.of("fundingStore", recorder, "opportunityService", recorder, "eventOutbox",
                recorder), Map.of(), "funding-round.camel.yaml").start();
    }
}
