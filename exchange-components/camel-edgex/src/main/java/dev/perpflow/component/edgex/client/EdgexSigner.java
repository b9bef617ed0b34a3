package dev.perpflow.component.edgex.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.component.edgex.EdgexCredentials;
import dev.perpflow.exchange.crypto.EthPrivateKey;
import dev.perpflow.exchange.crypto.TypedData;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * EdgeX v2's two signatures (edgex-python-sdk {@code internal/auth.py} and {@code order/client.py}):
 * <ul>
 *   <li>every private request: {@code X-edgeX-Api-Signature} = hex HMAC-SHA256, keyed with the base64 encoding of the
 *       API secret's text, over {@code timestamp + METHOD + path + content}, where content is a GET's parameters or
 *       a POST's top-level JSON fields as {@code name=value} sorted by name and joined by {@code &} (lists as their
 *       items joined by {@code &}, booleans {@code true}/{@code false}, null as empty);</li>
 *   <li>every order: the trading key's EIP-712 signature over {@code LimitOrderParams} (nested {@code OrderBase})
 *       in the domain {@code EdgeX}/{@code 1}/chain id/verifying contract of the venue's metadata, sent as
 *       {@code l2Signature}: {@code r ‖ s ‖ v} in hex without {@code 0x}.</li>
 * </ul>
 * Prints no key.
 */
public final class EdgexSigner {

    static final TypedData ORDER_TYPES = new TypedData(Map.of(
            TypedData.DOMAIN_TYPE, List.of(new TypedData.Field("name", "string"),
                    new TypedData.Field("version", "string"), new TypedData.Field("chainId", "uint256"),
                    new TypedData.Field("verifyingContract", "address")),
            "OrderBase", List.of(new TypedData.Field("nonce", "uint256"), new TypedData.Field("signer", "address"),
                    new TypedData.Field("accountId", "uint64"), new TypedData.Field("expirationTimestamp", "uint256")),
            "LimitOrderParams", List.of(new TypedData.Field("base", "OrderBase"),
                    new TypedData.Field("amountSynthetic", "int256"), new TypedData.Field("amountCollateral", "int256"),
                    new TypedData.Field("amountFee", "uint256"), new TypedData.Field("assetIdSynthetic", "uint64"),
                    new TypedData.Field("assetIdCollateral", "uint64"),
                    new TypedData.Field("isBuyingSynthetic", "bool"), new TypedData.Field("parentOrderHash", "bytes32"),
                    new TypedData.Field("subOrderIndex", "uint256"))));

    /** The signed fields of one order. */
    public record OrderParams(BigInteger nonce, long accountId, long expirationSeconds, BigInteger amountSynthetic,
            BigInteger amountCollateral, BigInteger amountFee, String syntheticAssetId, String collateralAssetId,
            boolean buy) {
    }

    private final EdgexCredentials credentials;
    private final EthPrivateKey tradingKey;

    public EdgexSigner(EdgexCredentials credentials) {
        this.credentials = credentials;
        this.tradingKey = EthPrivateKey.of(credentials.tradingPrivateKey());
    }

    /** The API key's headers for one request. */
    public Map<String, String> headers(long timestamp, String method, String path, String content) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-edgeX-Api-Key", credentials.apiKey());
        headers.put("X-edgeX-Passphrase", credentials.apiPassphrase().reveal());
        headers.put("X-edgeX-Signature", hmac(credentials.apiSecret().reveal(), timestamp + method + path + content));
        headers.put("X-edgeX-Timestamp", Long.toString(timestamp));
        return headers;
    }

    /** {@code hex(HMAC-SHA256(key = base64(secret), message))}. */
    public static String hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            byte[] key = Base64.getEncoder().encode(secret.getBytes(StandardCharsets.UTF_8));
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** A GET's signed content: its parameters sorted by name, {@code name=value} joined by {@code &}, values raw. */
    public static String queryContent(Map<String, String> parameters) {
        List<String> pairs = new ArrayList<>();
        new TreeMap<>(parameters).forEach((name, value) -> pairs.add(name + "=" + value));
        return String.join("&", pairs);
    }

    /** A POST's signed content: the body's fields as the SDK's {@code get_value} writes them. */
    public static String bodyContent(JsonNode body) {
        return value(body);
    }

    private static String value(JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isBoolean()) {
            return node.asBoolean() ? "true" : "false";
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(value(item)));
            return String.join("&", items);
        }
        if (node.isObject()) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                sorted.put(field.getKey(), field.getValue());
            }
            List<String> pairs = new ArrayList<>();
            sorted.forEach((name, child) -> pairs.add(name + "=" + value(child)));
            return String.join("&", pairs);
        }
        return node.asText();
    }

    /** The EIP-712 digest of an order. */
    public static byte[] orderDigest(String chainId, String verifyingContract, String signer, OrderParams order) {
        Map<String, Object> domain = new LinkedHashMap<>();
        domain.put("name", "EdgeX");
        domain.put("version", "1");
        domain.put("chainId", chainId.startsWith("0x") ? new BigInteger(chainId.substring(2), 16)
                : new BigInteger(chainId));
        domain.put("verifyingContract", verifyingContract);
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("nonce", order.nonce());
        base.put("signer", signer);
        base.put("accountId", order.accountId());
        base.put("expirationTimestamp", order.expirationSeconds());
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("base", base);
        message.put("amountSynthetic", order.amountSynthetic());
        message.put("amountCollateral", order.amountCollateral());
        message.put("amountFee", order.amountFee());
        message.put("assetIdSynthetic", new BigInteger(order.syntheticAssetId()));
        message.put("assetIdCollateral", new BigInteger(order.collateralAssetId()));
        message.put("isBuyingSynthetic", order.buy());
        message.put("parentOrderHash", new byte[32]);
        message.put("subOrderIndex", BigInteger.ZERO);
        return ORDER_TYPES.digest(domain, "LimitOrderParams", message);
    }

    /** The order's {@code l2Signature}. */
    public String signOrder(String chainId, String verifyingContract, OrderParams order) {
        String hex = tradingKey.sign(orderDigest(chainId, verifyingContract, tradingKey.address(), order)).toHex();
        return hex.startsWith("0x") ? hex.substring(2) : hex;
    }

    public String signerAddress() {
        return tradingKey.address();
    }

    /** The order's {@code l2Nonce}: the first 8 hex digits of sha256(client order id). */
    public static BigInteger nonce(String clientOrderId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(clientOrderId.getBytes(StandardCharsets.UTF_8));
            return new BigInteger(HexFormat.of().formatHex(digest).substring(0, 8), 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "EdgexSigner[account=" + credentials.accountId() + ", signer=" + tradingKey.address() + ", keys=***]";
    }
}
