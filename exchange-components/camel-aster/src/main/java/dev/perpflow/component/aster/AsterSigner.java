package dev.perpflow.component.aster;

import dev.perpflow.exchange.auth.Secret;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Aster V1 (Binance USD-M) request signing: {@code signature = hex(HMAC-SHA256(secretKey, totalParams))} where
 * {@code totalParams} is the query string followed directly by the body, exactly as sent.
 */
public final class AsterSigner {

    private final SecretKeySpec key;

    public AsterSigner(Secret secretKey) {
        this.key = new SecretKeySpec(secretKey.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** Hex HMAC of {@code query ‖ body}. */
    public String sign(String query, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(query.getBytes(StandardCharsets.UTF_8));
            mac.update(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "AsterSigner[***]";
    }
}
