package dev.perpflow.exchange.crypto;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.asn1.x9.X9IntegerConverter;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A secp256k1 signature as Ethereum writes it: {@code r ‖ s ‖ v}, 65 bytes, with {@code v} = 27 + recovery id.
 * The signer's address is recovered from it and the signed digest (no public key needed).
 */
public record EthSignature(BigInteger r, BigInteger s, int v) {

    public EthSignature {
        if (r.signum() <= 0 || r.compareTo(Secp256k1.N) >= 0 || s.signum() <= 0 || s.compareTo(Secp256k1.N) >= 0) {
            throw new IllegalArgumentException("signature r and s must be in 1..n-1");
        }
        if (v != 27 && v != 28) {
            throw new IllegalArgumentException("signature v must be 27 or 28, was " + v);
        }
    }

    /** Parses {@code 0x} + 130 hex digits ({@code r ‖ s ‖ v}); {@code v} may also be written as 0 or 1. */
    public static EthSignature fromHex(String hex) {
        String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        if (digits.length() != 130) {
            throw new IllegalArgumentException("a signature is 65 bytes (130 hex digits), got " + digits.length());
        }
        byte[] raw = HexFormat.of().parseHex(digits);
        int v = raw[64] & 0xff;
        return new EthSignature(new BigInteger(1, java.util.Arrays.copyOfRange(raw, 0, 32)),
                new BigInteger(1, java.util.Arrays.copyOfRange(raw, 32, 64)), v < 27 ? v + 27 : v);
    }

    /** {@code 0x} + hex of {@code r ‖ s ‖ v}. */
    public String toHex() {
        return "0x" + HexFormat.of().formatHex(bytes());
    }

    public byte[] bytes() {
        byte[] out = new byte[65];
        System.arraycopy(Secp256k1.unsigned32(r), 0, out, 0, 32);
        System.arraycopy(Secp256k1.unsigned32(s), 0, out, 32, 32);
        out[64] = (byte) v;
        return out;
    }

    /** Whether {@code s} is in the lower half of the curve order (EIP-2: the only form Ethereum accepts). */
    public boolean isLowS() {
        return s.compareTo(Secp256k1.HALF_N) <= 0;
    }

    /** The checksummed address whose key made this signature over {@code digest}, if the signature is valid. */
    public Optional<String> recoverAddress(byte[] digest) {
        return recoverPublicKey(digest).map(EthAddress::of);
    }

    /** SEC 1 §4.1.6 public key recovery with the recovery id {@code v - 27}. */
    Optional<ECPoint> recoverPublicKey(byte[] digest) {
        int recoveryId = v - 27;
        // x = r (r + n would exceed the field prime for all practical purposes; such signatures are not produced)
        if (r.compareTo(Secp256k1.CURVE.getCurve().getField().getCharacteristic()) >= 0) {
            return Optional.empty();
        }
        byte[] compressed = new X9IntegerConverter().integerToBytes(r, 33);
        compressed[0] = (byte) (recoveryId == 0 ? 0x02 : 0x03);
        ECPoint rPoint;
        try {
            rPoint = Secp256k1.CURVE.getCurve().decodePoint(compressed);
        } catch (IllegalArgumentException notOnCurve) {
            return Optional.empty();
        }
        BigInteger e = new BigInteger(1, digest);
        BigInteger rInverse = r.modInverse(Secp256k1.N);
        BigInteger eTerm = e.negate().mod(Secp256k1.N).multiply(rInverse).mod(Secp256k1.N);
        BigInteger sTerm = s.multiply(rInverse).mod(Secp256k1.N);
        ECPoint q = ECAlgorithms.sumOfTwoMultiplies(Secp256k1.CURVE.getG(), eTerm, rPoint, sTerm).normalize();
        return q.isInfinity() ? Optional.empty() : Optional.of(q);
    }
}
