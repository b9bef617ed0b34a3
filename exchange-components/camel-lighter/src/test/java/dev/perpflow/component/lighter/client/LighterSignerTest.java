package dev.perpflow.component.lighter.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perpflow.component.lighter.LighterCredentials;
import dev.perpflow.component.sim.SimClock;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.exchange.http.VenueRestApi;
import dev.perpflow.lighter.signer.Fp5;
import dev.perpflow.lighter.signer.LighterKey;
import dev.perpflow.lighter.signer.LighterTx;
import dev.perpflow.lighter.signer.Scalar;
import dev.perpflow.lighter.signer.Schnorr;
import dev.perpflow.testkit.lighter.FakeLighter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The component's signer against the venue's rules, checked by the fake Lighter (which verifies with the registered
 * public key): a signed CreateOrder's {@code tx_info} lists the venue's fields in the venue's order with a base64
 * signature that verifies over the transaction hash for chain 304; changing any signed field after signing, or
 * signing for another chain, is refused as an invalid signature; an auth token with a changed account is refused.
 */
class LighterSignerTest {

    private static final ObjectMapper JSON = VenueRestApi.newMapper();
    private static final LighterKey KEY = LighterKey.of(Scalar.ofLimbs(11, 22, 33, 44, 55));
    private static final long ACCOUNT = 77;
    private static final int API_KEY = 4;

    private final SimExchangeClient sim = SimExchangeClient.manual(FakeLighter.defaultConfig("signer-sim", 3),
            new SimClock(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    private final FakeLighter fake = new FakeLighter(sim, ACCOUNT, API_KEY, KEY.publicKey()).start();
    private final LighterSigner signer = new LighterSigner(LighterCredentials.of(KEY, ACCOUNT, API_KEY), 304, JSON);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        fake.close();
        sim.close();
    }

    private LighterTx.CreateOrder order(long nonce, long price) {
        long expiredAt = Instant.now().plusSeconds(600).toEpochMilli();
        return new LighterTx.CreateOrder(ACCOUNT, API_KEY, fake.marketId("SOL"), 4242, 100, price, 0,
                LighterTx.ORDER_TYPE_LIMIT, LighterTx.GOOD_TILL_TIME, 0, 0, expiredAt + 86_400_000L, expiredAt, nonce);
    }

    private HttpResponse<String> send(int type, String txInfo) throws Exception {
        String form = VenueRestApi.encode(VenueRestApi.params("tx_type", String.valueOf(type), "tx_info", txInfo));
        return http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/api/v1/sendTx"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSignedCreateOrderListsTheVenuesFieldsInOrderAndVerifies() throws Exception {
        String txInfo = signer.txInfo(order(0, 10000));
        JsonNode node = JSON.readTree(txInfo);
        List<String> names = new java.util.ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        assertThat(names).containsExactly("AccountIndex", "ApiKeyIndex", "MarketIndex", "ClientOrderIndex",
                "BaseAmount", "Price", "IsAsk", "Type", "TimeInForce", "ReduceOnly", "TriggerPrice", "OrderExpiry",
                "ExpiredAt", "Nonce", "Sig");
        assertThat(Base64.getDecoder().decode(node.get("Sig").asText())).hasSize(80);
        LighterTx.CreateOrder tx = order(0, 10000);
        Fp5 hash = tx.hash(304);
        byte[] again = Base64.getDecoder().decode(JSON.readTree(signer.txInfo(tx)).get("Sig").asText());
        assertThat(Schnorr.verify(KEY.publicKey(), hash, Schnorr.Signature.fromBytes(again))).isTrue();

        HttpResponse<String> accepted = send(14, signer.txInfo(tx));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(JSON.readTree(accepted.body()).get("tx_hash").asText())
                .isEqualTo(java.util.HexFormat.of().formatHex(hash.toBytes()));
        assertThat(sim.exchange().openOrders("SOL")).hasSize(1);
    }

    @Test
    void changingASignedFieldOrTheChainIsRefusedAsAnInvalidSignature() throws Exception {
        ObjectNode tampered = (ObjectNode) JSON.readTree(signer.txInfo(order(0, 10000)));
        tampered.put("Price", 10001);
        HttpResponse<String> refused = send(14, tampered.toString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("invalid signature");

        LighterSigner otherChain = new LighterSigner(LighterCredentials.of(KEY, ACCOUNT, API_KEY), 300, JSON);
        assertThat(send(14, otherChain.txInfo(order(0, 10000))).body()).contains("invalid signature");
        assertThat(sim.exchange().openOrders("SOL")).isEmpty();
        assertThat(fake.nextNonce(API_KEY)).as("a refused transaction uses no nonce").isZero();
    }

    @Test
    void anAuthTokenForAnotherAccountIsRefused() throws Exception {
        String token = signer.authToken(Instant.now().plusSeconds(600));
        String forged = token.replaceFirst(":" + ACCOUNT + ":", ":" + (ACCOUNT + 1) + ":");
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl()
                + "/api/v1/accountActiveOrders?account_index=" + ACCOUNT)).header("Authorization", token).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl()
                + "/api/v1/accountActiveOrders?account_index=" + (ACCOUNT + 1))).header("Authorization", forged)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("invalid auth");
    }
}
