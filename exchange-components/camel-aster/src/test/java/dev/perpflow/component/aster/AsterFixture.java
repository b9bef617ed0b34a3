package dev.perpflow.component.aster;

import dev.perpflow.component.sim.SimClock;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.component.sim.SimVenueConfig;
import dev.perpflow.testkit.aster.FakeAster;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

/**
 * A fake Aster over a manual sim venue (starting at the wall clock's time, as a venue's timestamps do)
 * with BTC, ETH, SOL, 2Z, Z, 1000BONK (SOL funds every 4 h), and a client of it: V1 (API key {@link #API_KEY}) or
 * V3 (the docs' demo API wallet: {@link #USER}, {@link #SIGNER}).
 */
final class AsterFixture implements AutoCloseable {

    static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    static final String USER = AsterApiWalletSignerTest.USER;
    static final String SIGNER = AsterApiWalletSignerTest.SIGNER;
    static final String SIGNER_KEY = AsterApiWalletSignerTest.PRIVATE_KEY;

    final SimExchangeClient sim;
    final FakeAster fake;
    final AsterExchangeClient client;

    private AsterFixture(AsterCredentials credentials) {
        this(sim -> FakeAster.start(sim, API_KEY, SECRET), fake -> AsterConfiguration.of(fake.restUrl(), fake.wsUrl(),
                credentials));
    }

    private AsterFixture(Function<SimExchangeClient, FakeAster> startFake, Function<FakeAster, AsterConfiguration> config) {
        this(startFake, config, java.time.Clock.systemUTC());
    }

    private AsterFixture(Function<SimExchangeClient, FakeAster> startFake, Function<FakeAster, AsterConfiguration> config,
            java.time.Clock clock) {
        SimVenueConfig venue = SimVenueConfig.defaults("aster-sim", 7)
                .withMarkets(m -> m.symbol().equals("SOL") ? m.withFundingIntervalHours(4) : m);
        sim = SimExchangeClient.manual(venue, new SimClock(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        fake = startFake.apply(sim);
        client = new AsterExchangeClient(config.apply(fake).withRestTimeout(Duration.ofSeconds(2)),
                dev.perpflow.exchange.http.VenueHttpClient.defaultHttpClient(Duration.ofSeconds(5)), clock);
    }

    /** A fake holding the demo V3 account and a client signing with {@code wallet} ({@code null}: public only). */
    static AsterFixture withApiWallet(AsterApiWalletCredentials wallet) {
        return new AsterFixture(sim -> FakeAster.startApiWallet(sim, USER, SIGNER),
                fake -> AsterConfiguration.ofApiWallet(fake.restUrl(), fake.wsUrl(), wallet));
    }

    /** A fake whose V3 account is {@code wallet}'s own user and signer, and a client of it with {@code clock}. */
    static AsterFixture registering(AsterApiWalletCredentials wallet, java.time.Clock clock) {
        return new AsterFixture(sim -> FakeAster.startApiWallet(sim, wallet.user(), wallet.signer()),
                fake -> AsterConfiguration.ofApiWallet(fake.restUrl(), fake.wsUrl(), wallet), clock);
    }

    /** A fake holding the demo V3 account and a client with its API wallet. */
    static AsterFixture withApiWallet() {
        return withApiWallet(AsterApiWalletCredentials.of(USER, SIGNER, SIGNER_KEY));
    }

    static AsterFixture withCredentials() {
        return new AsterFixture(AsterCredentials.of(API_KEY, SECRET));
    }

    static AsterFixture withCredentials(String apiKey, String secret) {
        return new AsterFixture(AsterCredentials.of(apiKey, secret));
    }

    static AsterFixture publicOnly() {
        return new AsterFixture(null);
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
