package dev.perpflow.component.lighter;

import dev.perpflow.component.sim.SimClock;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.component.sim.SimVenueConfig;
import dev.perpflow.exchange.http.VenueHttpClient;
import dev.perpflow.testkit.lighter.FakeLighter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A fake Lighter over a manual sim venue (starting at the wall clock's second) with BTC, ETH, SOL, 2Z, Z and BONK as
 * {@code kBONK}, hourly funding, no fees, accepting the test account's API key; and a client of it with a budget large
 * enough for tests.
 */
final class LighterFixture implements AutoCloseable {

    final SimExchangeClient sim;
    final FakeLighter fake;
    final LighterExchangeClient client;

    private LighterFixture(LighterCredentials credentials, java.util.function.Consumer<FakeLighter> before) {
        SimVenueConfig config = FakeLighter.defaultConfig("lighter-sim", 7);
        sim = SimExchangeClient.manual(config, new SimClock(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        fake = new FakeLighter(sim, LighterTestKeys.ACCOUNT, LighterTestKeys.API_KEY_INDEX,
                LighterTestKeys.KEY.publicKey()).start();
        before.accept(fake);
        client = newClient(credentials);
    }

    LighterExchangeClient newClient(LighterCredentials credentials) {
        return new LighterExchangeClient(LighterConfiguration.of(fake.baseUrl(), fake.wsUrl(), credentials)
                .withRequestTimeout(Duration.ofSeconds(3)).withRequestsPerMinute(6000),
                VenueHttpClient.defaultHttpClient(Duration.ofSeconds(2)), Clock.systemUTC());
    }

    static LighterFixture withCredentials() {
        return new LighterFixture(LighterTestKeys.credentials(), fake -> { });
    }

    static LighterFixture withCredentials(LighterCredentials credentials) {
        return new LighterFixture(credentials, fake -> { });
    }

    /** The fake is set up by {@code before} (scripted faults) before the client exists. */
    static LighterFixture withCredentials(java.util.function.Consumer<FakeLighter> before) {
        return new LighterFixture(LighterTestKeys.credentials(), before);
    }

    static LighterFixture publicOnly() {
        return new LighterFixture(null, fake -> { });
    }

    void advance(Duration duration) {
        sim.advance(duration);
    }

    @Override
    public void close() {
        client.close();
        fake.close();
        sim.close();
    }
}
