package dev.perpflow.component.paradex.starknet;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * The STARK curve {@code y² = x³ + x + β} over the prime field {@code p = 2^251 + 17·2^192 + 1} (StarkWare's
 * {@code ecdsa} parameters) and its ECDSA as StarkNet accounts use it: a key's public key is the x coordinate of
 * {@code d·G}; a signature over a field element {@code z < 2^251} is {@code (r, s)} with {@code r = (k·G).x} and
 * {@code s = (z + r·d) / k mod n}, the nonce {@code k} from RFC 6979 (HMAC-SHA256) with StarkWare's rule of shifting a
 * hash one nibble short of 252 bits left by four, and every value checked to stay below {@code 2^251}. Point
 * arithmetic is BouncyCastle's; the curve and the signing rules are here.
 */
public final class StarkCurve {

    /** The field prime. */
    public static final BigInteger P = new BigInteger(
            "800000000000011000000000000000000000000000000000000000000000001", 16);
    /** The order of the generator. */
    public static final BigInteger N = new BigInteger(
            "800000000000010ffffffffffffffffb781126dcae7b2321e66a241adc64d2f", 16);
    static final BigInteger ALPHA = BigInteger.ONE;
    static final BigInteger BETA = new BigInteger(
            "6f21413efbe40de150e596d72f7a8c5609ad26c15c915c1f4cdfcb99cee9e89", 16);
    /** Signatures and signed hashes stay below this bound ({@code N_ELEMENT_BITS_ECDSA = 251}). */
    static final BigInteger BOUND = BigInteger.ONE.shiftLeft(251);

    static final ECCurve CURVE = new ECCurve.Fp(P, ALPHA, BETA, N, BigInteger.ONE);
    static final ECPoint G = point("1ef15c18599971b7beced415a40f0c7deacfd9b0d1819e03d723d8bc943cfca",
            "5668060aa49730b7be4801df46ec62de53ecd11abe43a32873000c36e8dc1f");

    private static final FixedPointCombMultiplier FIXED = new FixedPointCombMultiplier();

    /** A signature: {@code r} and {@code s} as field elements. */
    public record Signature(BigInteger r, BigInteger s) {

        /** {@code ["<r>","<s>"]} with decimal numbers, the form Paradex takes in {@code signature} fields and headers. */
        public String toParadexJson() {
            return "[\"" + r + "\",\"" + s + "\"]";
        }
    }

    private StarkCurve() {
    }

    static ECPoint point(String xHex, String yHex) {
        ECPoint point = CURVE.createPoint(new BigInteger(xHex, 16), new BigInteger(yHex, 16));
        if (!point.isValid()) {
            throw new IllegalStateException("constant point not on the STARK curve: " + xHex);
        }
        return point;
    }

    /** {@code scalar · point} for one of the fixed points (generator, Pedersen points): comb tables cached per point. */
    static ECPoint multiplyFixed(ECPoint point, BigInteger scalar) {
        return scalar.signum() == 0 ? CURVE.getInfinity() : FIXED.multiply(point, scalar);
    }

    /** The public key of {@code privateKey}: the x coordinate of {@code privateKey · G}. */
    public static BigInteger publicKey(BigInteger privateKey) {
        requireKey(privateKey);
        return multiplyFixed(G, privateKey).normalize().getAffineXCoord().toBigInteger();
    }

    /** Signs {@code hash} (below {@code 2^251}) with the RFC 6979 nonce StarkWare's libraries use. */
    public static Signature sign(BigInteger privateKey, BigInteger hash) {
        requireKey(privateKey);
        requireHash(hash);
        BigInteger seed = null;
        while (true) {
            BigInteger k = rfc6979Nonce(hash, privateKey, seed);
            seed = seed == null ? BigInteger.ONE : seed.add(BigInteger.ONE);
            Optional<Signature> signature = signWithNonce(privateKey, hash, k);
            if (signature.isPresent()) {
                return signature.get();
            }
        }
    }

    /** The signature with nonce {@code k}, or empty when {@code k} gives a value out of StarkWare's bounds. */
    static Optional<Signature> signWithNonce(BigInteger privateKey, BigInteger hash, BigInteger k) {
        BigInteger r = multiplyFixed(G, k).normalize().getAffineXCoord().toBigInteger();
        if (r.signum() <= 0 || r.compareTo(BOUND) >= 0) {
            return Optional.empty();
        }
        BigInteger sum = hash.add(r.multiply(privateKey)).mod(N);
        if (sum.signum() == 0) {
            return Optional.empty();
        }
        BigInteger w = k.multiply(sum.modInverse(N)).mod(N);
        if (w.signum() <= 0 || w.compareTo(BOUND) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new Signature(r, w.modInverse(N)));
    }

    /** Whether {@code (r, s)} signs {@code hash} for the key whose public key (x coordinate) is {@code publicKey}. */
    public static boolean verify(BigInteger publicKey, BigInteger hash, BigInteger r, BigInteger s) {
        if (hash.signum() < 0 || hash.compareTo(BOUND) >= 0 || r.signum() <= 0 || r.compareTo(BOUND) >= 0
                || s.signum() <= 0 || s.compareTo(N) >= 0) {
            return false;
        }
        BigInteger w = s.modInverse(N);
        if (w.compareTo(BOUND) >= 0) {
            return false;
        }
        Optional<ECPoint> q = pointOfX(publicKey);
        if (q.isEmpty()) {
            return false;
        }
        ECPoint zG = multiplyFixed(G, hash);
        ECPoint rQ = q.get().multiply(r);
        for (ECPoint candidate : new ECPoint[] {zG.add(rQ), zG.subtract(rQ)}) {
            ECPoint result = candidate.multiply(w).normalize();
            if (!result.isInfinity() && result.getAffineXCoord().toBigInteger().equals(r)) {
                return true;
            }
        }
        return false;
    }

    /** A curve point with this x coordinate (either of the two), or empty when x is on no point. */
    static Optional<ECPoint> pointOfX(BigInteger x) {
        if (x.signum() < 0 || x.compareTo(P) >= 0) {
            return Optional.empty();
        }
        BigInteger ySquared = x.pow(3).add(ALPHA.multiply(x)).add(BETA).mod(P);
        // p ≡ 1 (mod 4): no shortcut square root; Tonelli-Shanks through BouncyCastle's field element
        var element = CURVE.fromBigInteger(ySquared).sqrt();
        if (element == null) {
            return Optional.empty();
        }
        return Optional.of(CURVE.createPoint(x, element.toBigInteger()));
    }

    /**
     * RFC 6979 nonce (HMAC-SHA256, {@code qlen} = 252) for {@code hash} and {@code privateKey}, with an optional
     * extra-entropy {@code seed} for retries, as StarkWare's {@code generate_k_rfc6979}: a hash whose bit length is
     * 248..252 and one nibble short of a whole byte is shifted left by four first (elliptic.js compatibility).
     */
    static BigInteger rfc6979Nonce(BigInteger hash, BigInteger privateKey, BigInteger seed) {
        BigInteger message = hash;
        int bits = message.bitLength();
        if (bits >= 248 && bits % 8 >= 1 && bits % 8 <= 4) {
            message = message.shiftLeft(4);
        }
        byte[] data = minimalBytes(message);
        byte[] extra = seed == null ? new byte[0] : minimalBytes(seed);
        byte[] x = fixedBytes(privateKey, 32);
        byte[] h = fixedBytes(bitsToOctets(data), 32);
        byte[] v = new byte[32];
        Arrays.fill(v, (byte) 1);
        byte[] k = new byte[32];
        k = hmac(k, v, new byte[] {0}, x, h, extra);
        v = hmac(k, v);
        k = hmac(k, v, new byte[] {1}, x, h, extra);
        v = hmac(k, v);
        while (true) {
            v = hmac(k, v); // rolen = 32 = hlen: one block is enough
            BigInteger candidate = bitsToInt(v);
            if (candidate.signum() > 0 && candidate.compareTo(N) < 0) {
                return candidate;
            }
            k = hmac(k, v, new byte[] {0});
            v = hmac(k, v);
        }
    }

    private static BigInteger bitsToInt(byte[] data) {
        BigInteger value = new BigInteger(1, data);
        int excess = data.length * 8 - N.bitLength();
        return excess > 0 ? value.shiftRight(excess) : value;
    }

    private static BigInteger bitsToOctets(byte[] data) {
        BigInteger z1 = bitsToInt(data);
        BigInteger z2 = z1.subtract(N);
        return z2.signum() < 0 ? z1 : z2;
    }

    private static byte[] hmac(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    static byte[] minimalBytes(BigInteger value) {
        int length = (value.bitLength() + 7) / 8;
        return fixedBytes(value, length);
    }

    static byte[] fixedBytes(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        return out;
    }

    private static void requireKey(BigInteger privateKey) {
        if (privateKey.signum() <= 0 || privateKey.compareTo(N) >= 0) {
            throw new IllegalArgumentException("a STARK private key must be in 1..n-1");
        }
    }

    private static void requireHash(BigInteger hash) {
        if (hash.signum() < 0 || hash.compareTo(BOUND) >= 0) {
            throw new IllegalArgumentException("a signed hash must be below 2^251");
        }
    }

    /** ASCII text of at most 31 characters as one field element (Cairo short string). */
    public static BigInteger shortString(String text) {
        if (text.length() > 31 || !StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
            throw new IllegalArgumentException("a short string is at most 31 ASCII characters: " + text);
        }
        return new BigInteger(1, text.getBytes(StandardCharsets.US_ASCII));
    }
}
