package dev.perpflow.component.hyperliquid;

import dev.perpflow.component.sim.SimClock;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.component.sim.SimVenueConfig;
import dev.perpflow.exchange.crypto.EthPrivateKey;
import dev.perpflow.exchange.auth.Secret;
import dev.perpflow.testkit.hyperliquid.FakeHyperliquid;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** A fake Hyperliquid over a manual sim, an account and an API wallet it approved, and clients for them. */
final class HyperliquidFixture implements AutoCloseable {

    /** The account's own key (the SDK tests' key) and an API wallet's key. */
    static final String ACCOUNT_KEY = "0x0123456789012345678901234567890123456789012345678901234567890123";
    static final String AGENT_KEY = "0x4fd0a42218f3eae43a6ce26d22544e986139a01e5b34a62db53757ffca81bae1";
    static final String ACCOUNT = EthPrivateKey.of(Secret.of(ACCOUNT_KEY)).address();
    static final String AGENT = EthPrivateKey.of(Secret.of(AGENT_KEY)).address();

    final SimExchangeClient sim;
    final FakeHyperliquid fake;

    HyperliquidFixture() {
        sim = SimExchangeClient.manual(SimVenueConfig.defaults("hyperliquid-sim", 21).withFundingIntervalHours(1),
                new SimClock(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        fake = new FakeHyperliquid(sim, ACCOUNT, List.of(AGENT)).start();
    }

    HyperliquidConfiguration config(HyperliquidCredentials credentials) {
        return HyperliquidConfiguration.of(fake.baseUrl(), fake.wsUrl(), credentials)
                .withRestTimeout(Duration.ofSeconds(3));
    }

    /** A client trading the account through its API wallet. */
    HyperliquidExchangeClient agentClient() {
        return client(HyperliquidCredentials.of(AGENT_KEY, ACCOUNT));
    }

    HyperliquidExchangeClient client(HyperliquidCredentials credentials) {
        return new HyperliquidExchangeClient(config(credentials), HttpClient.newHttpClient(), Clock.systemUTC());
    }

    @Override
    public void close() {
        fake.close();
        sim.close();
    }
}
