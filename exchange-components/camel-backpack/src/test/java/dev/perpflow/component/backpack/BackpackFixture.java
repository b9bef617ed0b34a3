package dev.perpflow.component.backpack;

import dev.perpflow.component.sim.SimClock;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.component.sim.SimVenueConfig;
import dev.perpflow.exchange.http.VenueHttpClient;
import dev.perpflow.testkit.backpack.FakeBackpack;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A fake Backpack over a manual sim venue (starting at the wall clock's second, as a venue's timestamps do) with
 * BTC, ETH, SOL, 2Z, Z and BONK as {@code kBONK_USDC_PERP}, hourly funding except ETH (8 h), accepting the RFC 8032
 * TEST 1 key pair; and a client of it.
 */
final class BackpackFixture implements AutoCloseable {

    final SimExchangeClient sim;
    final FakeBackpack fake;
    final BackpackExchangeClient client;

    private BackpackFixture(BackpackCredentials credentials, Clock clientClock) {
        this(credentials, clientClock, BackpackConfiguration.DEFAULT_WINDOW);
    }

    private BackpackFixture(BackpackCredentials credentials, Clock clientClock, Duration window) {
        SimVenueConfig config = SimVenueConfig.defaults("backpack-sim", 7).withFundingIntervalHours(1)
                .withMarkets(m -> m.symbol().equals("ETH") ? m.withFundingIntervalHours(8) : m);
        sim = SimExchangeClient.manual(config, new SimClock(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        fake = new FakeBackpack(sim, BackpackTestKeys.PUBLIC_KEY).start();
        client = new BackpackExchangeClient(BackpackConfiguration.of(fake.baseUrl(), fake.wsUrl(), credentials)
                .withRequestTimeout(Duration.ofSeconds(2)).withWindow(window), VenueHttpClient.defaultHttpClient(Duration.ofSeconds(2)),
                clientClock);
    }

    static BackpackFixture withCredentials() {
        return new BackpackFixture(BackpackCredentials.of(BackpackTestKeys.PUBLIC_KEY, BackpackTestKeys.SECRET),
                Clock.systemUTC());
    }

    static BackpackFixture withCredentials(BackpackCredentials credentials) {
        return new BackpackFixture(credentials, Clock.systemUTC());
    }

    /** A client whose clock is {@code skew} behind the venue's. */
    static BackpackFixture withClockBehind(Duration skew) {
        return new BackpackFixture(BackpackCredentials.of(BackpackTestKeys.PUBLIC_KEY, BackpackTestKeys.SECRET),
                Clock.offset(Clock.systemUTC(), skew.negated()));
    }

    /** Signatures valid for {@code window} only: a reused one expires quickly. */
    static BackpackFixture withWindow(Duration window) {
        return new BackpackFixture(BackpackCredentials.of(BackpackTestKeys.PUBLIC_KEY, BackpackTestKeys.SECRET),
                Clock.systemUTC(), window);
    }

    static BackpackFixture publicOnly() {
        return new BackpackFixture(null, Clock.systemUTC());
    }

    /** Moves the sim venue by whole price steps (one per second). */
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
