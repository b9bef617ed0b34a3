package dev.perpflow.component.aster;

import dev.perpflow.exchange.crypto.EthPrivateKey;
import dev.perpflow.exchange.crypto.TypedData;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Aster V3 API-wallet signing ("Authentication signature payload" in Aster's V3 futures docs): the url-encoded
 * parameter string, {@code user}, {@code signer} and {@code nonce} included, is the {@code msg} of an EIP-712
 * {@code Message(string msg)} under the domain {@code AsterSignTransaction}, version 1, chain id 1666, verifying
 * contract zero; the API wallet key signs its digest and the signature goes out as {@code 0x} + hex of
 * {@code r ‖ s ‖ v} ({@code v} 27 or 28).
 */
public final class AsterApiWalletSigner {

    /** Chain id of Aster's signing domain on mainnet (an off-chain identifier, not a network to connect to). */
    public static final long CHAIN_ID = 1666;
    static final String PRIMARY_TYPE = "Message";

    private static final TypedData TYPES = new TypedData(Map.of(
            TypedData.DOMAIN_TYPE, List.of(new TypedData.Field("name", "string"),
                    new TypedData.Field("version", "string"), new TypedData.Field("chainId", "uint256"),
                    new TypedData.Field("verifyingContract", "address")),
            PRIMARY_TYPE, List.of(new TypedData.Field("msg", "string"))));
    private static final Map<String, Object> DOMAIN = Map.of("name", "AsterSignTransaction", "version", "1",
            "chainId", BigInteger.valueOf(CHAIN_ID), "verifyingContract", "0x0000000000000000000000000000000000000000");

    private final EthPrivateKey key;

    public AsterApiWalletSigner(AsterApiWalletCredentials credentials) {
        this.key = EthPrivateKey.of(credentials.privateKey());
    }

    /** The EIP-712 digest of {@code msg} in Aster's domain. */
    public static byte[] digest(String msg) {
        return TYPES.digest(DOMAIN, PRIMARY_TYPE, Map.of("msg", msg));
    }

    /** {@code 0x} + 130 hex digits: the signature of {@code msg}, the exact parameter string sent. */
    public String sign(String msg) {
        return key.sign(digest(msg)).toHex();
    }

    /** The address of the signing key (the API wallet). */
    public String address() {
        return key.address();
    }

    @Override
    public String toString() {
        return "AsterApiWalletSigner[" + key.address() + ", key=***]";
    }
}
