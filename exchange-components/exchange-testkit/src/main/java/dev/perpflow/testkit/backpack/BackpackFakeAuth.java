package dev.perpflow.testkit.backpack;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * The fake's side of Backpack authentication, written independently of the client's signer: the known API key (a
 * base64 Ed25519 public key), the signee rebuilt from what was received ({@code instruction}, query values and
 * top-level JSON body fields merged and sorted, then {@code timestamp} and {@code window}), the Ed25519 check, and
 * the {@code X-Window} rules (at most 60000 ms; a request older than its window has expired).
 *
 * <p>Answers chosen for failures (Backpack documents the codes, not the exact bodies): unknown key → 401
 * {@code UNAUTHORIZED}; bad signature → 401 {@code INVALID_SIGNATURE}; expired or missing headers → 400
 * {@code INVALID_CLIENT_REQUEST}.
 */
final class BackpackFakeAuth {

    static final long MAX_WINDOW = 60_000;
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final String apiKey;
    private final PublicKey key;
    private final LongSupplier now;

    BackpackFakeAuth(String apiKey, LongSupplier now) {
        this.apiKey = apiKey;
        this.key = publicKey(apiKey);
        this.now = now;
    }

    /** Checks a REST request's headers and signature; throws the venue's error when it would refuse it. */
    void verify(String instruction, Map<String, String> headers, Map<String, String> query, JsonNode body) {
        String key = header(headers, "x-api-key");
        String signature = header(headers, "x-signature");
        long timestamp = number(header(headers, "x-timestamp"), "X-Timestamp");
        long window = headers.containsKey("x-window") ? number(headers.get("x-window"), "X-Window") : 5_000;
        if (!apiKey.equals(key)) {
            throw new BackpackFakeError(401, "UNAUTHORIZED", "API key not found");
        }
        Map<String, String> params = new TreeMap<>(query);
        if (body != null && body.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                params.put(field.getKey(), field.getValue().isTextual() ? field.getValue().asText()
                        : field.getValue().toString());
            }
        }
        StringBuilder signee = new StringBuilder("instruction=").append(instruction);
        params.forEach((name, value) -> signee.append('&').append(name).append('=').append(value));
        signee.append("&timestamp=").append(timestamp).append("&window=").append(window);
        if (!verifies(signee.toString(), signature)) {
            throw new BackpackFakeError(401, "INVALID_SIGNATURE", "Invalid signature, could not verify signature");
        }
        checkWindow(timestamp, window);
    }

    /** Checks a private stream's {@code signature} array: key, signature of the subscribe signee, timestamp, window. */
    void verifySubscribe(JsonNode signature) {
        if (signature == null || !signature.isArray() || signature.size() != 4) {
            throw BackpackFakeError.badRequest("Private streams need a signature [key, signature, timestamp, window]");
        }
        if (!apiKey.equals(signature.get(0).asText())) {
            throw new BackpackFakeError(401, "UNAUTHORIZED", "API key not found");
        }
        long timestamp = number(signature.get(2).asText(), "timestamp");
        long window = number(signature.get(3).asText(), "window");
        if (!verifies("instruction=subscribe&timestamp=" + timestamp + "&window=" + window,
                signature.get(1).asText())) {
            throw new BackpackFakeError(401, "INVALID_SIGNATURE", "Invalid signature, could not verify signature");
        }
        checkWindow(timestamp, window);
    }

    private void checkWindow(long timestamp, long window) {
        if (window < 1 || window > MAX_WINDOW) {
            throw BackpackFakeError.badRequest("Window must be between 1 and " + MAX_WINDOW);
        }
        long current = now.getAsLong();
        if (current > timestamp + window) {
            throw BackpackFakeError.badRequest("Request has expired");
        }
        if (timestamp > current + window) {
            throw BackpackFakeError.badRequest("Request timestamp is in the future");
        }
    }

    private boolean verifies(String signee, String signatureBase64) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(key);
            ed25519.update(signee.getBytes(StandardCharsets.UTF_8));
            return ed25519.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String header(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw BackpackFakeError.badRequest("Missing header " + name);
        }
        return value;
    }

    private static long number(String value, String name) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw BackpackFakeError.badRequest("Invalid " + name);
        }
    }

    private static PublicKey publicKey(String base64) {
        try {
            byte[] raw = Base64.getDecoder().decode(base64);
            if (raw.length != 32) {
                throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, got " + raw.length);
            }
            byte[] der = new byte[X509_PREFIX.length + raw.length];
            System.arraycopy(X509_PREFIX, 0, der, 0, X509_PREFIX.length);
            System.arraycopy(raw, 0, der, X509_PREFIX.length, raw.length);
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }
}
