package dev.perpflow.exchange.crypto;

import dev.perpflow.exchange.auth.Secret;
import java.math.BigInteger;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * A secp256k1 private key that signs 32-byte digests the way Ethereum wallets do: deterministic nonces (RFC 6979,
 * HMAC-SHA256), {@code s} normalised to the lower half of the order, {@code v} = 27 + recovery id. Prints only its
 * address, never the key.
 */
public final class EthPrivateKey {

    private final ECPrivateKeyParameters key;
    private final ECPoint publicKey;
    private final String address;

    private EthPrivateKey(BigInteger d) {
        if (d.signum() <= 0 || d.compareTo(Secp256k1.N) >= 0) {
            throw new IllegalArgumentException("a secp256k1 private key must be in 1..n-1");
        }
        this.key = new ECPrivateKeyParameters(d, Secp256k1.DOMAIN);
        this.publicKey = new FixedPointCombMultiplier().multiply(Secp256k1.CURVE.getG(), d).normalize();
        this.address = EthAddress.of(publicKey);
    }

    /** A key from 64 hex digits, with or without {@code 0x}. The message of a malformed key never quotes it. */
    public static EthPrivateKey of(Secret hexKey) {
        String hex = hexKey.reveal();
        String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        if (digits.length() != 64 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("a private key is 32 bytes: 64 hex digits, optionally prefixed by 0x");
        }
        return new EthPrivateKey(new BigInteger(1, HexFormat.of().parseHex(digits)));
    }

    /** A key from its 32 raw bytes (e.g. {@code keccak256("cow")} in the EIP-712 example). */
    public static EthPrivateKey of(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("a private key is 32 bytes");
        }
        return new EthPrivateKey(new BigInteger(1, raw));
    }

    /** The EIP-55 checksummed address of this key. */
    public String address() {
        return address;
    }

    /** Signs a 32-byte digest (already hashed, e.g. an EIP-712 digest). */
    public EthSignature sign(byte[] digest) {
        if (digest.length != 32) {
            throw new IllegalArgumentException("sign a 32-byte digest, got " + digest.length + " bytes");
        }
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, key);
        BigInteger[] rs = signer.generateSignature(digest);
        BigInteger r = rs[0];
        BigInteger s = rs[1].compareTo(Secp256k1.HALF_N) > 0 ? Secp256k1.N.subtract(rs[1]) : rs[1];
        for (int v = 27; v <= 28; v++) {
            EthSignature candidate = new EthSignature(r, s, v);
            if (candidate.recoverPublicKey(digest).filter(publicKey::equals).isPresent()) {
                return candidate;
            }
        }
        throw new IllegalStateException("no recovery id reproduces the public key (r above the field prime)");
    }

    @Override
    public String toString() {
        return "EthPrivateKey[address=" + address + ", key=***]";
    }
}
