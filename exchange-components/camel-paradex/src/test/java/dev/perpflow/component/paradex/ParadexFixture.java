package dev.perpflow.component.paradex;

import dev.perpflow.component.sim.SimClock;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.component.sim.SimVenueConfig;
import dev.perpflow.exchange.http.VenueHttpClient;
import dev.perpflow.testkit.paradex.FakeParadex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A fake Paradex over a manual sim venue (8-hour funding periods except SOL's 1 hour, BONK as {@code kBONK-USD-PERP})
 * accepting the test account, and a client of it.
 */
final class ParadexFixture implements AutoCloseable {

    /** starknet-jvm's test key (its public key is pinned in {@code StarknetCryptoVectorsTest}). */
    static final String PRIVATE_KEY = "0x4070e7abfa479cf8a30d38895e93800a88862c4a65aa00e2b11495998818046";
    static final String ADDRESS = "0x5c7a1a4c6e0b1b6c0f7f1f2e53b2e1d0c9a8b7a6f5e4d3c2b1a0918273645a1";
    static final String OTHER_KEY = "0x1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcd";

    final SimExchangeClient sim;
    final FakeParadex fake;
    final ParadexExchangeClient client;

    private ParadexFixture(ParadexCredentials credentials, Duration stateTtl) {
        SimVenueConfig config = SimVenueConfig.defaults("paradex-sim", 17).withFundingIntervalHours(8)
                .withMarkets(m -> m.symbol().equals("SOL") ? m.withFundingIntervalHours(1) : m);
        sim = SimExchangeClient.manual(config, new SimClock(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        fake = new FakeParadex(sim, ADDRESS, PRIVATE_KEY).start();
        client = new ParadexExchangeClient(ParadexConfiguration.of(fake.restUrl(), fake.wsUrl(), credentials)
                .withRequestTimeout(Duration.ofSeconds(3)).withSystemStateTtl(stateTtl),
                VenueHttpClient.defaultHttpClient(Duration.ofSeconds(2)), Clock.systemUTC());
    }

    static ParadexFixture withCredentials() {
        return new ParadexFixture(ParadexCredentials.of(null, ADDRESS, PRIVATE_KEY), Duration.ofSeconds(5));
    }

    static ParadexFixture withStateTtl(Duration ttl) {
        return new ParadexFixture(ParadexCredentials.of(null, ADDRESS, PRIVATE_KEY), ttl);
    }

    /** Credentials for the fake's account signed with another key: every signature is refused. */
    static ParadexFixture withWrongKey() {
        return new ParadexFixture(ParadexCredentials.of(null, ADDRESS, OTHER_KEY), Duration.ofSeconds(5));
    }

    static ParadexFixture publicOnly() {
        return new ParadexFixture(null, Duration.ofSeconds(5));
    }

    @Override
    public void close() {
        client.close();
        fake.close();
        sim.close();
    }
}
