package dev.perpflow.component.edgex;

import dev.perpflow.component.sim.SimClock;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.component.sim.SimVenueConfig;
import dev.perpflow.exchange.http.VenueHttpClient;
import dev.perpflow.testkit.edgex.FakeEdgex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A fake EdgeX v2 over a manual sim venue (4-hour funding, SOL 1 hour) accepting the test account, and a client. */
final class EdgexFixture implements AutoCloseable {

    static final long ACCOUNT = 542109876543210L;
    static final String API_KEY = "edgex-test-api-key";
    static final String PASSPHRASE = "edgex-test-passphrase";
    static final String SECRET = "edgex-test-api-secret";
    /** The Hyperliquid SDK's test key (venues.md §3), used here only as some secp256k1 key. */
    static final String TRADING_KEY = "0x0123456789012345678901234567890123456789012345678901234567890123";
    static final String OTHER_KEY = "0x1111111111111111111111111111111111111111111111111111111111111111";

    final SimExchangeClient sim;
    final FakeEdgex fake;
    final EdgexExchangeClient client;

    private EdgexFixture(EdgexCredentials credentials) {
        SimVenueConfig config = SimVenueConfig.defaults("edgex-sim", 23).withFundingIntervalHours(4)
                .withMarkets(m -> m.symbol().equals("SOL") ? m.withFundingIntervalHours(1) : m);
        sim = SimExchangeClient.manual(config, new SimClock(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        fake = new FakeEdgex(sim, ACCOUNT, API_KEY, PASSPHRASE, SECRET, TRADING_KEY).start();
        client = new EdgexExchangeClient(EdgexConfiguration.of(fake.restUrl(), fake.wsUrl(), credentials)
                .withRequestTimeout(Duration.ofSeconds(3)), VenueHttpClient.defaultHttpClient(Duration.ofSeconds(2)),
                Clock.systemUTC());
    }

    static EdgexCredentials credentials(String secret, String tradingKey) {
        return EdgexCredentials.of(Long.toString(ACCOUNT), API_KEY, PASSPHRASE, secret, tradingKey);
    }

    static EdgexFixture withCredentials() {
        return new EdgexFixture(credentials(SECRET, TRADING_KEY));
    }

    static EdgexFixture withCredentials(EdgexCredentials credentials) {
        return new EdgexFixture(credentials);
    }

    static EdgexFixture publicOnly() {
        return new EdgexFixture(null);
    }

    @Override
    public void close() {
        client.close();
        fake.close();
        sim.close();
    }
}
