package dev.perpflow.component.aster.client;

import dev.perpflow.component.aster.AsterApiWalletCredentials;
import dev.perpflow.exchange.auth.Secret;
import dev.perpflow.exchange.crypto.EthPrivateKey;
import dev.perpflow.exchange.crypto.TypedData;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Aster request signatures over the exact parameter string sent, in either mode:
 * <ul>
 * <li>V1 (Binance USD-M): {@code hex(HMAC-SHA256(secretKey, totalParams))}, {@code totalParams} being the query
 * string followed directly by the body;</li>
 * <li>V3 API wallet ("Authentication signature payload" in Aster's V3 futures docs): the url-encoded parameter
 * string, {@code user}, {@code signer} and {@code nonce} included, is the {@code msg} of an EIP-712
 * {@code Message(string msg)} under the domain {@code AsterSignTransaction}, version 1, chain id 1666, verifying
 * contract zero; the API wallet key signs its digest, sent as {@code 0x} + hex of {@code r ‖ s ‖ v}.</li>
 * </ul>
 * Prints no key material.
 */
public final class AsterSigner {

    /** Chain id of Aster's V3 signing domain on mainnet (an off-chain identifier, not a network to connect to). */
    public static final long CHAIN_ID = 1666;
    static final String PRIMARY_TYPE = "Message";

    private static final TypedData TYPES = new TypedData(Map.of(
            TypedData.DOMAIN_TYPE, List.of(new TypedData.Field("name", "string"),
                    new TypedData.Field("version", "string"), new TypedData.Field("chainId", "uint256"),
                    new TypedData.Field("verifyingContract", "address")),
            PRIMARY_TYPE, List.of(new TypedData.Field("msg", "string"))));
    private static final Map<String, Object> DOMAIN = Map.of("name", "AsterSignTransaction", "version", "1",
            "chainId", BigInteger.valueOf(CHAIN_ID), "verifyingContract", "0x0000000000000000000000000000000000000000");

    private final SecretKeySpec hmacKey;
    private final EthPrivateKey walletKey;

    private AsterSigner(SecretKeySpec hmacKey, EthPrivateKey walletKey) {
        this.hmacKey = hmacKey;
        this.walletKey = walletKey;
    }

    /** V1: HMAC-SHA256 with the API secret. */
    public static AsterSigner hmac(Secret secretKey) {
        return new AsterSigner(new SecretKeySpec(secretKey.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"),
                null);
    }

    /** V3: EIP-712 signatures by the API wallet's key. */
    public static AsterSigner apiWallet(AsterApiWalletCredentials credentials) {
        return new AsterSigner(null, EthPrivateKey.of(credentials.privateKey()));
    }

    /** The signature of {@code payload}, the exact parameter string sent (V1: query ‖ body). */
    public String sign(String payload) {
        return walletKey != null ? walletKey.sign(digest(payload)).toHex() : hmac(payload);
    }

    /** The V3 EIP-712 digest of {@code msg} in Aster's domain. */
    public static byte[] digest(String msg) {
        return TYPES.digest(DOMAIN, PRIMARY_TYPE, Map.of("msg", msg));
    }

    /** The address of the V3 signing key (the API wallet). */
    public String address() {
        if (walletKey == null) {
            throw new IllegalStateException("a V1 signer has no wallet address");
        }
        return walletKey.address();
    }

    private String hmac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hmacKey);
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return walletKey != null ? "AsterSigner[V3 " + walletKey.address() + ", key=***]" : "AsterSigner[V1, ***]";
    }
}
