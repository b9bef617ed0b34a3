package dev.perpflow.component.grvt;

import dev.perpflow.component.sim.SimClock;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.component.sim.SimVenueConfig;
import dev.perpflow.exchange.auth.Secret;
import dev.perpflow.exchange.crypto.EthPrivateKey;
import dev.perpflow.testkit.grvt.FakeGrvt;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A fake GRVT (three hosts) over a manual sim with SOL on 4 h funding, a sub account, its API key and signer. */
final class GrvtFixture implements AutoCloseable {

    static final String SUB_ACCOUNT = "8289849667772468";
    static final String API_KEY = "grvt-test-api-key";
    /** The pysdk vectors' key. */
    static final String PRIVATE_KEY = "f7934647276a6e1fa0af3f4467b4b8ddaf45d25a7368fa1a295eef49a446819d";
    static final String SIGNER = EthPrivateKey.of(Secret.of(PRIVATE_KEY)).address();

    final SimExchangeClient sim;
    final FakeGrvt fake;

    GrvtFixture() {
        sim = SimExchangeClient.manual(SimVenueConfig.defaults("grvt-sim", 31)
                .withMarkets(m -> m.symbol().equals("SOL") ? m.withFundingIntervalHours(4) : m),
                new SimClock(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        fake = new FakeGrvt(sim, SUB_ACCOUNT, API_KEY, SIGNER, GrvtEnvironment.PROD.chainId()).start();
    }

    GrvtConfiguration config(GrvtCredentials credentials) {
        return GrvtConfiguration.of(fake.marketDataUrl(), fake.marketDataWsUrl(), fake.tradesUrl(), fake.authUrl(),
                credentials).withRestTimeout(Duration.ofSeconds(3));
    }

    GrvtExchangeClient client() {
        return client(GrvtCredentials.of(SUB_ACCOUNT, PRIVATE_KEY, API_KEY));
    }

    GrvtExchangeClient client(GrvtCredentials credentials) {
        return new GrvtExchangeClient(config(credentials), HttpClient.newHttpClient(), Clock.systemUTC());
    }

    @Override
    public void close() {
        fake.close();
        sim.close();
    }
}
