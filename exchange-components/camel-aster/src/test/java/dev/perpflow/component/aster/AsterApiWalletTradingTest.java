package dev.perpflow.component.aster;

import dev.perpflow.component.aster.client.AsterSigner;
import static dev.perpflow.component.aster.AsterTradingTest.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perpflow.exchange.crypto.EthPrivateKey;
import dev.perpflow.exchange.crypto.EthSignature;
import dev.perpflow.exchange.crypto.Keccak;
import dev.perpflow.exchange.error.AuthenticationException;
import dev.perpflow.exchange.model.Balance;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.Position;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import dev.perpflow.testkit.FakeRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Trading with Aster's V3 API-wallet signing against the fake venue holding the docs' demo account. */
class AsterApiWalletTradingTest {

    private final AsterFixture aster = AsterFixture.withApiWallet();

    @AfterEach
    void close() {
        aster.close();
    }

    @Test
    void restingLimitOrderIsPlacedFoundListedAndCancelledOnV3Paths() {
        BigDecimal farBid = aster.sim.exchange().book("ETH", 1).bids().get(0).price().multiply(new BigDecimal("0.9"))
                .setScale(1, RoundingMode.DOWN);

        Order placed = join(aster.client.submitOrder(OrderRequest.limit("pf-v3-rest", "ETH", Side.BUY,
                new BigDecimal("0.50"), farBid, TimeInForce.GTC)));

        assertThat(placed.status()).isEqualTo(OrderStatus.OPEN);
        assertThat(placed.price()).isEqualByComparingTo(farBid);
        assertThat(aster.sim.exchange().openOrders("ETH")).extracting(Order::clientOrderId).containsExactly("pf-v3-rest");
        assertThat(join(aster.client.queryOrder("ETH", "pf-v3-rest")).status()).isEqualTo(OrderStatus.OPEN);
        assertThat(join(aster.client.openOrders(null))).extracting(Order::clientOrderId).containsExactly("pf-v3-rest");

        assertThat(join(aster.client.cancelOrder("ETH", "pf-v3-rest")).status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(aster.sim.exchange().openOrders(null)).isEmpty();
        assertThat(paths()).contains("POST /fapi/v3/order", "GET /fapi/v3/order", "GET /fapi/v3/openOrders",
                "DELETE /fapi/v3/order", "GET /fapi/v3/exchangeInfo", "GET /fapi/v3/leverageBracket")
                .noneMatch(p -> p.contains("/fapi/v1/") || p.contains("/fapi/v2/"));
    }

    @Test
    void marketOrderShowsAsPositionFillsAndAReducedBalance() {
        Instant before = aster.sim.exchange().now().minusSeconds(1);
        BigDecimal startBalance = usdt(join(aster.client.balances())).total();

        Order filled = join(aster.client.submitOrder(OrderRequest.market("pf-v3-mkt", "SOL", Side.BUY,
                new BigDecimal("4"), false)));

        assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
        List<Position> positions = join(aster.client.positions());
        assertThat(positions).singleElement().satisfies(p -> {
            assertThat(p.symbol()).isEqualTo("SOL");
            assertThat(p.quantity()).isEqualByComparingTo("4");
        });
        List<Fill> fills = join(aster.client.fillsSince(before));
        assertThat(fills).isNotEmpty().allSatisfy(f -> assertThat(f.clientOrderId()).isEqualTo("pf-v3-mkt"));
        assertThat(fills.stream().map(Fill::quantity).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("4");
        BigDecimal fees = fills.stream().map(Fill::fee).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(fees).isPositive();
        assertThat(usdt(join(aster.client.balances())).total()).isLessThan(startBalance);
        assertThat(paths()).contains("GET /fapi/v3/balance", "GET /fapi/v3/positionRisk", "GET /fapi/v3/userTrades");
    }

    @Test
    void signsTheExactParameterStringWithUserSignerAndNonceAndNoApiKey() {
        join(aster.client.submitOrder(OrderRequest.market("pf-v3-signed", "ETH", Side.BUY, BigDecimal.ONE, false)));

        FakeRequest submit = aster.fake.server().requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/fapi/v3/order")).findFirst().orElseThrow();
        String body = submit.bodyText();
        assertThat(submit.rawQuery()).isEmpty();
        assertThat(submit.header("X-MBX-APIKEY")).isEmpty();
        assertThat(body).startsWith("symbol=ETHUSDT&side=BUY&type=MARKET&quantity=1&newClientOrderId=pf-v3-signed&")
                .containsPattern("&user=" + AsterFixture.USER + "&signer=" + AsterFixture.SIGNER
                        + "&nonce=\\d{16}&signature=0x[0-9a-f]{130}$")
                .doesNotContain("timestamp=").doesNotContain("recvWindow=");
        long nonceMicros = Long.parseLong(body.replaceAll(".*&nonce=(\\d+)&.*", "$1"));
        assertThat(Math.abs(nonceMicros / 1000 - System.currentTimeMillis())).isLessThan(10_000);
        int at = body.indexOf("&signature=");
        EthSignature signature = EthSignature.fromHex(body.substring(at + "&signature=".length()));
        assertThat(signature.recoverAddress(AsterSigner.digest(body.substring(0, at))))
                .contains(AsterFixture.SIGNER);
    }

    @Test
    void publicDataUsesV3PathsWithoutCredentialsExceptOpenInterest() {
        try (AsterFixture publicOnly = AsterFixture.withApiWallet(null)) {
            assertThat(join(publicOnly.client.fundingRates())).isNotEmpty();
            assertThat(join(publicOnly.client.marketStats())).allSatisfy(s -> assertThat(s.openInterestUsd()).isPositive());
            assertThat(join(publicOnly.client.orderBook("BTC", 5)).bids()).hasSize(5);

            assertThat(publicOnly.fake.server().requests()).extracting(r -> r.method() + " " + r.path())
                    .contains("GET /fapi/v3/exchangeInfo", "GET /fapi/v3/fundingInfo", "GET /fapi/v3/premiumIndex",
                            "GET /fapi/v3/ticker/24hr", "GET /fapi/v3/depth", "GET /fapi/v1/openInterest")
                    .doesNotContain("GET /fapi/v3/leverageBracket");
            assertThatThrownBy(() -> join(publicOnly.client.balances())).isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("ASTER_USER").hasMessageContaining("ASTER_SIGNER_PRIVATE_KEY");
        }
    }

    @Test
    void anApiWalletTheVenueDoesNotKnowIsAnAuthenticationErrorAndPlacesNothing() {
        EthPrivateKey other = EthPrivateKey.of(Keccak.hash("another api wallet"));
        String otherKey = "0x" + HexFormat.of().formatHex(Keccak.hash("another api wallet"));
        AsterApiWalletCredentials wrong = AsterApiWalletCredentials.of(AsterFixture.USER, other.address(), otherKey);

        try (AsterFixture wrongWallet = AsterFixture.withApiWallet(wrong)) {
            assertThatThrownBy(() -> join(wrongWallet.client.submitOrder(
                    OrderRequest.market("pf-v3-wrong", "ETH", Side.BUY, BigDecimal.ONE, false))))
                    .isInstanceOf(AuthenticationException.class).hasMessageContaining("-2015")
                    .hasMessageContaining("ASTER_SIGNER").hasMessageNotContaining(otherKey.substring(2, 20));
            assertThatThrownBy(() -> join(wrongWallet.client.balances())).isInstanceOf(AuthenticationException.class);
            assertThat(wrongWallet.sim.exchange().openOrders(null)).isEmpty();
            assertThat(wrongWallet.sim.exchange().positions()).isEmpty();
        }
    }

    @Test
    void userStreamRunsOnASignedV3ListenKey() {
        List<Fill> streamed = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<dev.perpflow.exchange.model.StreamState> states = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (dev.perpflow.exchange.Subscription ignored = aster.client.subscribeOrders(
                new dev.perpflow.exchange.OrderEventListener() {
                    @Override
                    public void onOrder(Order order) {
                    }

                    @Override
                    public void onFill(Fill fill) {
                        streamed.add(fill);
                    }

                    @Override
                    public void onStreamState(dev.perpflow.exchange.model.StreamState state) {
                        states.add(state);
                    }
                })) {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> states.contains(dev.perpflow.exchange.model.StreamState.CONNECTED));

            join(aster.client.submitOrder(OrderRequest.market("pf-v3-stream", "BTC", Side.SELL,
                    new BigDecimal("0.01"), false)));

            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(streamed).extracting(Fill::clientOrderId).contains("pf-v3-stream"));
        }
        FakeRequest listenKey = aster.fake.server().requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/fapi/v3/listenKey")).findFirst()
                .orElseThrow();
        assertThat(listenKey.bodyText()).startsWith("user=" + AsterFixture.USER + "&signer=" + AsterFixture.SIGNER
                + "&nonce=").contains("&signature=0x");
    }

    private List<String> paths() {
        return aster.fake.server().requests().stream().map(r -> r.method() + " " + r.path()).toList();
    }

    private static Balance usdt(List<Balance> balances) {
        return balances.stream().filter(b -> b.asset().equals("USDT")).findFirst().orElseThrow();
    }
}
