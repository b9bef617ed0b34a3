package dev.perpflow.component.backpack;

import dev.perpflow.component.backpack.client.BackpackSigner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Backpack publishes no signed example. The Ed25519 step is checked against RFC 8032 §7.1 TEST 1; the signee format
 * against the self-generated vectors of venues.md §7 (same RFC key, independently computed with Python
 * {@code cryptography}).
 */
class BackpackSignerTest {

    static final String RFC_SEED_HEX = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    static final String RFC_PUBLIC_HEX = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    static final String SECRET = "nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A=";
    static final String PUBLIC_KEY = "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";

    private final BackpackSigner signer = new BackpackSigner(BackpackCredentials.of(PUBLIC_KEY, SECRET));

    @Test
    void rfc8032Test1KeysAreTheBase64KeysUsedByBackpack() {
        assertThat(Base64.getDecoder().decode(SECRET)).isEqualTo(HexFormat.of().parseHex(RFC_SEED_HEX));
        assertThat(Base64.getDecoder().decode(PUBLIC_KEY)).isEqualTo(HexFormat.of().parseHex(RFC_PUBLIC_HEX));
    }

    @Test
    void signsTheRfc8032Test1EmptyMessage() {
        String signature = signer.sign("");

        assertThat(HexFormat.of().formatHex(Base64.getDecoder().decode(signature))).isEqualTo(
                "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46b"
                        + "d25bf5f0595bbe24655141438e7a100b");
    }

    @Test
    void buildsTheOrderSigneeSortedAndSignsItLikeTheVenuesMdVector() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("symbol", "SOL_USDC_PERP");
        body.put("side", "Bid");
        body.put("orderType", "Limit");
        body.put("quantity", "0.01");
        body.put("price", "100.5");
        body.put("timeInForce", "GTC");

        String signee = BackpackSigner.signee("orderExecute", body, 1_700_000_000_000L, 5_000);

        assertThat(signee).isEqualTo("instruction=orderExecute&orderType=Limit&price=100.5&quantity=0.01&side=Bid"
                + "&symbol=SOL_USDC_PERP&timeInForce=GTC&timestamp=1700000000000&window=5000");
        assertThat(signer.sign(signee)).isEqualTo(
                "3vBLgJ7o/WvBwySkPjzr4fxX1NqlpJcjcxMRlDh9JSoU2ozIS+SpgHFmFuRyWquKEW3fkDs7Uhloa58PhVOdDg==");
    }

    @Test
    void signsTheStreamSubscribeSigneeLikeTheVenuesMdVector() {
        String signee = BackpackSigner.signee("subscribe", Map.of(), 1_700_000_000_000L, 5_000);

        assertThat(signee).isEqualTo("instruction=subscribe&timestamp=1700000000000&window=5000");
        assertThat(signer.sign(signee)).isEqualTo(
                "pJ9+IStoG6LwKDRJOZJX1r/etHlofXr5YcNQhi0oxKhKGkrJgKE+Fu9EET26F6KL+HmqfdQlq6up1nrzDH1CCg==");
    }

    @Test
    void signatureVerifiesWithThePublicKeyAndNotWithAnother() {
        String signee = BackpackSigner.signee("balanceQuery", Map.of(), 1_700_000_000_000L, 5_000);
        String signature = signer.sign(signee);

        assertThat(BackpackSigner.verify(PUBLIC_KEY, signee, signature)).isTrue();
        assertThat(BackpackSigner.verify(PUBLIC_KEY, signee + "x", signature)).isFalse();
        assertThat(BackpackSigner.verify(BackpackTestKeys.OTHER_PUBLIC_KEY, signee, signature)).isFalse();
    }

    @Test
    void rejectsAPublicKeyThatIsNotTheSecretsOwn() {
        assertThatThrownBy(() -> BackpackCredentials.of(BackpackTestKeys.OTHER_PUBLIC_KEY, SECRET))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BACKPACK_PUBLIC_KEY")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void rejectsMalformedKeysWithoutEchoingThem() {
        assertThatThrownBy(() -> BackpackCredentials.of(PUBLIC_KEY, "s3cr3t-value!!"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BACKPACK_SECRET_KEY")
                .hasMessageNotContaining("s3cr3t-value");
        assertThatThrownBy(() -> BackpackCredentials.of(PUBLIC_KEY, "c2hvcnQ="))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> BackpackCredentials.of(null, SECRET)).hasMessageContaining("BACKPACK_PUBLIC_KEY");
    }

    @Test
    void neverPrintsTheSecret() {
        BackpackCredentials credentials = BackpackCredentials.of(PUBLIC_KEY, SECRET);

        assertThat(credentials.toString()).doesNotContain(SECRET).contains("***");
        assertThat(signer.toString()).doesNotContain(SECRET);
    }

    @Test
    void readsTheSeedsEnvironmentVariables() {
        assertThat(BackpackCredentials.fromEnvironment(Map.of())).isEmpty();
        assertThat(BackpackCredentials.fromEnvironment(Map.of("BACKPACK_PUBLIC_KEY", PUBLIC_KEY,
                "BACKPACK_SECRET_KEY", SECRET))).contains(BackpackCredentials.of(PUBLIC_KEY, SECRET));
        assertThatThrownBy(() -> BackpackCredentials.fromEnvironment(Map.of("BACKPACK_PUBLIC_KEY", PUBLIC_KEY)))
                .hasMessageContaining("BACKPACK_SECRET_KEY is missing");
    }
}
