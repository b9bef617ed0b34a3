package dev.perpflow.component.edgex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perpflow.component.edgex.client.EdgexSigner;
import dev.perpflow.exchange.crypto.EthSignature;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * EdgeX v2 signing. EdgeX publishes no signature vectors: the HMAC values here were computed with the SDK's own
 * {@code build_hmac_signature} and {@code get_value} code (edgex-python-sdk {@code internal/auth.py}) run on the same
 * inputs; the EIP-712 encoding is exchange-crypto's (checked against the EIP-712 specification's vectors), and an
 * order signature is checked to recover the trading key's address.
 */
class EdgexSignerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void postContentAndHmacAreTheSdks() throws Exception {
        String body = "{\"accountId\":\"12345\",\"clientOrderIdList\":[\"a-1\",\"b-2\"],\"reduceOnly\":false,"
                + "\"size\":\"0.5\"}";
        String content = EdgexSigner.bodyContent(JSON.readTree(body));
        assertThat(content).isEqualTo("accountId=12345&clientOrderIdList=a-1&b-2&reduceOnly=false&size=0.5");
        assertThat(EdgexSigner.hmac("test-secret", "1700000000000POST/api/v2/private/order/cancelOrderByClientOrderId"
                + content)).isEqualTo("ba218b5a8ab54051402d867b98fdbdc05f1134c8bfae2fad615f4562084e7370");
    }

    @Test
    void getContentAndHmacAreTheSdks() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("size", "100");
        query.put("accountId", "12345");
        query.put("filterContractIdList", "10000001");
        String content = EdgexSigner.queryContent(query);
        assertThat(content).isEqualTo("accountId=12345&filterContractIdList=10000001&size=100");
        assertThat(EdgexSigner.hmac("test-secret", "1700000000000GET/api/v2/private/order/getActiveOrderPage" + content))
                .isEqualTo("5de382a6d1c92c4c50dca73305155916a9428eed3de26341bb09202ccb20b36e");
    }

    @Test
    void theNonceIsTheSdksAndAnOrderSignatureRecoversTheTradingKey() {
        assertThat(EdgexSigner.nonce("grid-1-e1")).isEqualTo(BigInteger.valueOf(3583394719L));
        EdgexCredentials credentials = EdgexFixture.credentials(EdgexFixture.SECRET, EdgexFixture.TRADING_KEY);
        EdgexSigner signer = new EdgexSigner(credentials);
        EdgexSigner.OrderParams order = new EdgexSigner.OrderParams(EdgexSigner.nonce("c-1"), 12345L, 1_700_000_000L,
                BigInteger.valueOf(500_000_000L), BigInteger.valueOf(1_250_000_000L), BigInteger.valueOf(1_000_000L),
                "10000001", "1000", true);
        String signature = signer.signOrder("33431", "0x1ae109ea449cfe0bed08bfe8911e968a49a919b1", order);
        assertThat(signature).hasSize(130).doesNotStartWith("0x");
        byte[] digest = EdgexSigner.orderDigest("33431", "0x1ae109ea449cfe0bed08bfe8911e968a49a919b1",
                credentials.signerAddress(), order);
        assertThat(EthSignature.fromHex(signature).recoverAddress(digest)).get().asString()
                .isEqualToIgnoringCase(credentials.signerAddress());
        assertThat(signer.toString()).doesNotContain(EdgexFixture.TRADING_KEY.substring(2));
        assertThat(credentials.toString()).doesNotContain(EdgexFixture.SECRET).doesNotContain(EdgexFixture.PASSPHRASE);
    }

    @Test
    void theSeedsV1StarkKeyAloneIsRefusedNamingWhatV2Needs() {
        assertThatThrownBy(() -> EdgexCredentials.fromEnvironment(Map.of("EDGEX_STARK_PRIVATE_KEY", "0x1234")))
                .hasMessageContaining("EDGEX_TRADING_PRIVATE_KEY").hasMessageContaining("v2");
        assertThat(EdgexCredentials.fromEnvironment(Map.of())).isEmpty();
        assertThatThrownBy(() -> EdgexCredentials.fromEnvironment(Map.of("EDGEX_ACCOUNT_ID", "1")))
                .hasMessageContaining("EDGEX_TRADING_PRIVATE_KEY");
    }
}
