package dev.perpflow.component.aster;

import dev.perpflow.component.aster.client.AsterSigner;
import static dev.perpflow.component.aster.AsterTradingTest.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perpflow.exchange.crypto.EthPrivateKey;
import dev.perpflow.exchange.crypto.Keccak;
import dev.perpflow.exchange.auth.Secret;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.error.OrderRejectedException;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.testkit.FakeRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fake Aster's V3 checks (signature recovered to the signer, nonce window and reuse) and the client's nonces. */
class AsterApiWalletReplayProtectionTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aReplayedOrderIsRejectedAsAReusedNonceAndPlacesNothingMore() throws Exception {
        try (AsterFixture aster = AsterFixture.withApiWallet()) {
            join(aster.client.submitOrder(OrderRequest.market("pf-v3-once", "ETH", Side.BUY, BigDecimal.ONE, false)));
            FakeRequest sent = orderSubmit(aster);

            HttpResponse<String> replay = post(aster, sent.bodyText());

            assertThat(replay.statusCode()).isEqualTo(400);
            assertThat(replay.body()).contains("-4225").contains("duplicate");
            assertThat(aster.sim.exchange().positions()).singleElement()
                    .satisfies(p -> assertThat(p.quantity()).isEqualByComparingTo("1"));
        }
    }

    @Test
    void aChangedParameterOrAnotherKeysSignatureDoesNotRecoverToTheSigner() throws Exception {
        try (AsterFixture aster = AsterFixture.withApiWallet()) {
            long freshNonce = Instant.now().toEpochMilli() * 1000 + 777;
            String order = "symbol=ETHUSDT&side=BUY&type=MARKET&quantity=1&newClientOrderId=pf-forged&user="
                    + AsterFixture.USER + "&signer=" + AsterFixture.SIGNER + "&nonce=" + freshNonce;
            EthPrivateKey other = EthPrivateKey.of(Keccak.hash("not the api wallet"));

            HttpResponse<String> otherKey = post(aster, order + "&signature="
                    + other.sign(AsterSigner.digest(order)).toHex());
            String genuine = AsterSigner.apiWallet(AsterApiWalletCredentials.of(AsterFixture.USER,
                    AsterFixture.SIGNER, AsterFixture.SIGNER_KEY)).sign(order);
            HttpResponse<String> tampered = post(aster, order.replace("quantity=1", "quantity=9") + "&signature="
                    + genuine);
            HttpResponse<String> unsignedRequest = post(aster, order);

            for (HttpResponse<String> refused : List.of(otherKey, tampered)) {
                assertThat(refused.statusCode()).isEqualTo(400);
                assertThat(refused.body()).contains("-1022");
            }
            assertThat(unsignedRequest.body()).contains("-1102").contains("signature");
            assertThat(aster.sim.exchange().positions()).isEmpty();
            // the genuine signature over the untouched string is accepted
            assertThat(post(aster, order + "&signature=" + genuine).statusCode()).isEqualTo(200);
            assertThat(aster.sim.exchange().positions()).hasSize(1);
        }
    }

    @Test
    void aClockMoreThanTenSecondsBehindGetsOrdersRejectedNotLost() {
        String key = "0x" + HexFormat.of().formatHex(Keccak.hash("stale clock wallet"));
        String signer = EthPrivateKey.of(Secret.of(key)).address();
        AsterApiWalletCredentials wallet = AsterApiWalletCredentials.of(AsterFixture.USER, signer, key);
        Clock behind = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-30));

        try (AsterFixture aster = AsterFixture.registering(wallet, behind)) {
            assertThatThrownBy(() -> join(aster.client.submitOrder(
                    OrderRequest.market("pf-v3-stale", "ETH", Side.BUY, BigDecimal.ONE, false))))
                    .isInstanceOfSatisfying(OrderRejectedException.class, e -> {
                        assertThat(e.clientOrderId()).isEqualTo("pf-v3-stale");
                        assertThat(e.getMessage()).contains("Nonce Expired").contains("clock");
                    });
            assertThatThrownBy(() -> join(aster.client.balances())).isExactlyInstanceOf(ExchangeException.class)
                    .hasMessageContaining("-4225");
            assertThat(aster.sim.exchange().positions()).isEmpty();
        }
    }

    @Test
    void requestsInTheSameMicrosecondStillGetDistinctIncreasingNonces() {
        String key = "0x" + HexFormat.of().formatHex(Keccak.hash("frozen clock wallet"));
        String signer = EthPrivateKey.of(Secret.of(key)).address();
        AsterApiWalletCredentials wallet = AsterApiWalletCredentials.of(AsterFixture.USER, signer, key);
        Clock frozen = Clock.fixed(Instant.now(), ZoneOffset.UTC);

        try (AsterFixture aster = AsterFixture.registering(wallet, frozen)) {
            for (int i = 0; i < 5; i++) {
                join(aster.client.balances());
            }

            List<Long> nonces = aster.fake.server().requests().stream()
                    .filter(r -> r.path().equals("/fapi/v3/balance"))
                    .map(r -> Long.parseLong(r.rawQuery().replaceAll(".*&nonce=(\\d+)&.*", "$1"))).toList();
            assertThat(nonces).hasSize(5).isSorted().doesNotHaveDuplicates();
        }
    }

    private static FakeRequest orderSubmit(AsterFixture aster) {
        return aster.fake.server().requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/fapi/v3/order")).findFirst().orElseThrow();
    }

    private static HttpResponse<String> post(AsterFixture aster, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(aster.fake.restUrl() + "/fapi/v3/order"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
