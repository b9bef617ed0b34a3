package dev.perpflow.component.aster;

import dev.perpflow.exchange.auth.Secret;
import java.util.Objects;

/**
 * Aster V1 API credentials (the seed's {@code api_key} / {@code secret_key}; env {@code ASTER_API_KEY} /
 * {@code ASTER_SECRET_KEY}). Prints with the key shortened and the secret masked.
 */
public record AsterCredentials(String apiKey, Secret secretKey) implements AsterAccount {

    public AsterCredentials {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("aster: api_key is missing");
        }
        Objects.requireNonNull(secretKey, "aster: secret_key is missing");
        apiKey = apiKey.strip();
    }

    public static AsterCredentials of(String apiKey, String secretKey) {
        if (secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("aster: secret_key is missing");
        }
        return new AsterCredentials(apiKey, Secret.of(secretKey));
    }

    @Override
    public AsterAuthMode authMode() {
        return AsterAuthMode.HMAC_V1;
    }

    @Override
    public String toString() {
        return "AsterCredentials[apiKey=" + apiKey.substring(0, Math.min(6, apiKey.length())) + "…, secretKey=***]";
    }
}
