package dev.perpflow.testkit.edgex;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;

/**
 * What the fake EdgeX checks, written from EdgeX's SDK and EIP-712 apart from the client (BouncyCastle for keccak and
 * secp256k1): the request HMAC ({@code hex(HMAC-SHA256(base64(secret), ts + METHOD + path + content))}) and the order's
 * EIP-712 {@code LimitOrderParams} signature, verified against the account's trading key.
 */
final class EdgexFakeSignatures {

    private static final X9ECParameters SECP = CustomNamedCurves.getByName("secp256k1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(SECP.getCurve(), SECP.getG(), SECP.getN(),
            SECP.getH());
    private static final String ORDER_BASE = "OrderBase(uint256 nonce,address signer,uint64 accountId,"
            + "uint256 expirationTimestamp)";
    private static final String LIMIT_ORDER = "LimitOrderParams(OrderBase base,int256 amountSynthetic,"
            + "int256 amountCollateral,uint256 amountFee,uint64 assetIdSynthetic,uint64 assetIdCollateral,"
            + "bool isBuyingSynthetic,bytes32 parentOrderHash,uint256 subOrderIndex)" + ORDER_BASE;
    private static final String EIP712_DOMAIN = "EIP712Domain(string name,string version,uint256 chainId,"
            + "address verifyingContract)";

    private final ECPoint publicKey;
    private final String address;

    EdgexFakeSignatures(String tradingPrivateKey) {
        String hex = tradingPrivateKey.startsWith("0x") ? tradingPrivateKey.substring(2) : tradingPrivateKey;
        this.publicKey = SECP.getG().multiply(new BigInteger(hex, 16)).normalize();
        byte[] encoded = publicKey.getEncoded(false);
        byte[] hash = keccak(java.util.Arrays.copyOfRange(encoded, 1, encoded.length));
        this.address = "0x" + HexFormat.of().formatHex(java.util.Arrays.copyOfRange(hash, 12, 32));
    }

    /** The trading key's address (lower case). */
    String address() {
        return address;
    }

    static String hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getEncoder().encode(secret.getBytes(StandardCharsets.UTF_8)),
                    "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code signature} (r ‖ s ‖ v hex) signs the order for this key. */
    boolean verifyOrder(String signature, BigInteger chainId, String contract, BigInteger nonce, long accountId,
            long expirationSeconds, BigInteger amountSynthetic, BigInteger amountCollateral, BigInteger amountFee,
            BigInteger syntheticId, BigInteger collateralId, boolean buy) {
        byte[] domain = keccak(concat(keccak(EIP712_DOMAIN.getBytes(StandardCharsets.US_ASCII)),
                keccak("EdgeX".getBytes(StandardCharsets.UTF_8)), keccak("1".getBytes(StandardCharsets.UTF_8)),
                word(chainId), word(new BigInteger(contract.substring(2), 16))));
        byte[] base = keccak(concat(keccak(ORDER_BASE.getBytes(StandardCharsets.US_ASCII)), word(nonce),
                word(new BigInteger(address.substring(2), 16)), word(BigInteger.valueOf(accountId)),
                word(BigInteger.valueOf(expirationSeconds))));
        byte[] message = keccak(concat(keccak(LIMIT_ORDER.getBytes(StandardCharsets.US_ASCII)), base,
                word(amountSynthetic), word(amountCollateral), word(amountFee), word(syntheticId), word(collateralId),
                word(buy ? BigInteger.ONE : BigInteger.ZERO), new byte[32], word(BigInteger.ZERO)));
        byte[] digest = keccak(concat(new byte[] {0x19, 0x01}, domain, message));
        String hex = signature.startsWith("0x") ? signature.substring(2) : signature;
        if (hex.length() != 130) {
            return false;
        }
        BigInteger r = new BigInteger(hex.substring(0, 64), 16);
        BigInteger s = new BigInteger(hex.substring(64, 128), 16);
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, new ECPublicKeyParameters(publicKey, DOMAIN));
        return verifier.verifySignature(digest, r, s);
    }

    private static byte[] word(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int length = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - length, out, 32 - length, length);
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    static byte[] keccak(byte[] input) {
        KeccakDigest keccak = new KeccakDigest(256);
        keccak.update(input, 0, input.length);
        byte[] out = new byte[32];
        keccak.doFinal(out, 0);
        return out;
    }
}
