package dev.perpflow.lighter.signer;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * An integer modulo n, the prime order of the ECgFp5 group (n ≈ 2^319): private keys, nonces and the two halves of a
 * signature. Its 40-byte form is five little-endian 64-bit words, lowest first; a value read from bytes or from a
 * GF(p^5) element is reduced mod n, as Lighter does. Immutable.
 */
public final class Scalar {

    /** The group order n. */
    public static final BigInteger ORDER = new BigInteger("106799351671714695104148491657179270274505774058172723"
            + "0159139685185762082554198619328292418486241");
    public static final int BYTES = 40;
    public static final Scalar ZERO = new Scalar(BigInteger.ZERO);

    private final BigInteger value;

    private Scalar(BigInteger value) {
        this.value = value;
    }

    /** {@code value} mod n. */
    public static Scalar of(BigInteger value) {
        return new Scalar(value.mod(ORDER));
    }

    /** Five 64-bit words, lowest first, reduced mod n. */
    public static Scalar ofLimbs(long... limbs) {
        if (limbs.length != 5) {
            throw new IllegalArgumentException("a scalar has 5 limbs, got " + limbs.length);
        }
        BigInteger value = BigInteger.ZERO;
        for (int i = 4; i >= 0; i--) {
            value = value.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(limbs[i])));
        }
        return of(value);
    }

    /** 40 little-endian bytes, reduced mod n. */
    public static Scalar fromBytes(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("a scalar is " + BYTES + " bytes, got " + bytes.length);
        }
        long[] limbs = new long[5];
        for (int i = 0; i < 5; i++) {
            limbs[i] = Bytes.readLong(bytes, i * 8);
        }
        return ofLimbs(limbs);
    }

    /** The element's five coefficients read as one 320-bit integer (lowest first), reduced mod n. */
    public static Scalar fromFp5(Fp5 element) {
        return ofLimbs(element.coefficients());
    }

    /** Uniform in [1, n), from {@code random}. */
    public static Scalar random(SecureRandom random) {
        BigInteger candidate;
        do {
            candidate = new BigInteger(ORDER.bitLength(), random);
        } while (candidate.signum() == 0 || candidate.compareTo(ORDER) >= 0);
        return new Scalar(candidate);
    }

    public Scalar add(Scalar o) {
        return of(value.add(o.value));
    }

    public Scalar sub(Scalar o) {
        return of(value.subtract(o.value));
    }

    public Scalar mul(Scalar o) {
        return of(value.multiply(o.value));
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    public BigInteger toBigInteger() {
        return value;
    }

    public long[] limbs() {
        long[] limbs = new long[5];
        BigInteger rest = value;
        for (int i = 0; i < 5; i++) {
            limbs[i] = rest.longValue();
            rest = rest.shiftRight(64);
        }
        return limbs;
    }

    public byte[] toBytes() {
        byte[] bytes = new byte[BYTES];
        long[] limbs = limbs();
        for (int i = 0; i < 5; i++) {
            Bytes.writeLong(bytes, i * 8, limbs[i]);
        }
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Scalar s && value.equals(s.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Scalars are often secrets: the value is never printed. */
    @Override
    public String toString() {
        return "Scalar[***]";
    }
}
