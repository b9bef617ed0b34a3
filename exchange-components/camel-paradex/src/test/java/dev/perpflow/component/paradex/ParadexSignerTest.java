package dev.perpflow.component.paradex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perpflow.component.paradex.client.ParadexSigner;
import dev.perpflow.component.paradex.starknet.StarkCurve;
import dev.perpflow.component.paradex.starknet.StarknetTypedData;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * Paradex's signed messages: the order and auth typed data are exactly the structures paradex-py builds and its tests
 * pin ({@code tests/message/test_order.py}, {@code test_auth.py}); signatures verify against the key's public key
 * and are written as Paradex takes them. The hashing itself is checked in {@link StarknetCryptoVectorsTest}.
 */
class ParadexSignerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theOrderMessageIsParadexPysStructure() throws Exception {
        JsonNode typed = ParadexSigner.orderTypedData("0x1", 1634736000000L, "ETH-USD-PERP", true, "LIMIT",
                new BigDecimal("0.1"), new BigDecimal("1500"));
        assertThat(typed.get("domain")).isEqualTo(JSON.readTree("{\"name\":\"Paradex\",\"chainId\":\"0x1\","
                + "\"version\":\"1\"}"));
        assertThat(typed.get("message")).isEqualTo(JSON.readTree("{\"timestamp\":\"1634736000000\","
                + "\"market\":\"ETH-USD-PERP\",\"side\":\"1\",\"orderType\":\"LIMIT\",\"size\":\"10000000\","
                + "\"price\":\"150000000000\"}"));
        assertThat(typed.at("/types/Order").findValuesAsText("name")).containsExactly("timestamp", "market", "side",
                "orderType", "size", "price");
        assertThat(typed.at("/types/StarkNetDomain").findValuesAsText("name")).containsExactly("name", "chainId",
                "version");
        assertThat(typed.get("primaryType").asText()).isEqualTo("Order");
        JsonNode market = ParadexSigner.orderTypedData("0x1", 1L, "BTC-USD-PERP", false, "MARKET",
                new BigDecimal("0.25"), null).get("message");
        assertThat(market.get("side").asText()).isEqualTo("2");
        assertThat(market.get("price").asText()).isEqualTo("0");
    }

    @Test
    void theAuthMessageIsParadexPysStructure() throws Exception {
        JsonNode typed = ParadexSigner.authTypedData("0x1", 2, 3);
        assertThat(typed.get("message").toString()).isEqualTo("{\"method\":\"POST\",\"path\":\"/v1/auth\","
                + "\"body\":\"\",\"timestamp\":2,\"expiration\":3}");
        assertThat(typed.at("/types/Request").findValuesAsText("name")).containsExactly("method", "path", "body",
                "timestamp", "expiration");
        assertThat(typed.get("primaryType").asText()).isEqualTo("Request");
    }

    @Test
    void signaturesVerifyForTheAccountAndAreWrittenAsDecimalPairs() throws Exception {
        ParadexCredentials credentials = ParadexCredentials.of(null, ParadexFixture.ADDRESS, ParadexFixture.PRIVATE_KEY);
        ParadexSigner signer = new ParadexSigner(credentials);
        String signature = signer.signOrder("PRIVATE_SN_PARACLEAR_MAINNET", 1700000000000L, "ETH-USD-PERP", true,
                "LIMIT", new BigDecimal("0.5"), new BigDecimal("2500.5"));
        JsonNode parts = JSON.readTree(signature);
        assertThat(parts.get(0).asText()).matches("\\d+");
        BigInteger hash = StarknetTypedData.of(ParadexSigner.orderTypedData("PRIVATE_SN_PARACLEAR_MAINNET",
                1700000000000L, "ETH-USD-PERP", true, "LIMIT", new BigDecimal("0.5"), new BigDecimal("2500.5")))
                .messageHash(credentials.l2Address());
        BigInteger publicKey = new BigInteger(signer.publicKeyHex().substring(2), 16);
        assertThat(StarkCurve.verify(publicKey, hash, new BigInteger(parts.get(0).asText()),
                new BigInteger(parts.get(1).asText()))).isTrue();
        // the chain id is the short string's felt
        assertThat(ParadexSigner.orderTypedData("PRIVATE_SN_PARACLEAR_MAINNET", 1L, "ETH-USD-PERP", true, "LIMIT",
                BigDecimal.ONE, BigDecimal.ONE).at("/domain/chainId").asText())
                .isEqualTo("0x" + StarkCurve.shortString("PRIVATE_SN_PARACLEAR_MAINNET").toString(16));
        assertThat(signer.toString()).doesNotContain(ParadexFixture.PRIVATE_KEY.substring(2));
        assertThat(credentials.toString()).doesNotContain(ParadexFixture.PRIVATE_KEY.substring(2));
    }
}
