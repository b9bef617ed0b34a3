package dev.perpflow.lighter.signer;

import java.util.Arrays;

/**
 * An element of GF(p^5) = GF(p)[z]/(z^5 - 3) over the Goldilocks field: {@code c0 + c1·z + ... + c4·z^4}, each
 * coefficient canonical. Immutable. This is the field the ECgFp5 curve is defined over and the type Poseidon2
 * hashes into; its 40-byte form is the five coefficients as little-endian 64-bit words, lowest first.
 *
 * <p>Inversion, square roots and the Legendre symbol go through the Frobenius map {@code x -> x^p}, which multiplies
 * coefficient i by ω^i with ω = 3^((p-1)/5), a fifth root of unity: the norm {@code x·x^p·...·x^(p^4)} is in GF(p).
 */
public final class Fp5 {

    public static final Fp5 ZERO = new Fp5(0, 0, 0, 0, 0);
    public static final Fp5 ONE = new Fp5(1, 0, 0, 0, 0);
    public static final int BYTES = 40;

    /** z^5 = W. */
    private static final long W = 3;
    /** ω^k for k = 0..4, ω = 3^((p-1)/5). */
    private static final long[] OMEGA_POWERS = new long[5];

    static {
        long omega = Goldilocks.exp(W, Long.divideUnsigned(Goldilocks.P - 1, 5));
        OMEGA_POWERS[0] = 1;
        for (int k = 1; k < 5; k++) {
            OMEGA_POWERS[k] = Goldilocks.mul(OMEGA_POWERS[k - 1], omega);
        }
    }

    final long c0;
    final long c1;
    final long c2;
    final long c3;
    final long c4;

    Fp5(long c0, long c1, long c2, long c3, long c4) {
        this.c0 = c0;
        this.c1 = c1;
        this.c2 = c2;
        this.c3 = c3;
        this.c4 = c4;
    }

    /** An element from five coefficients (any 64-bit values, reduced mod p). */
    public static Fp5 of(long c0, long c1, long c2, long c3, long c4) {
        return new Fp5(Goldilocks.canonical(c0), Goldilocks.canonical(c1), Goldilocks.canonical(c2),
                Goldilocks.canonical(c3), Goldilocks.canonical(c4));
    }

    public static Fp5 of(long[] coefficients) {
        if (coefficients.length != 5) {
            throw new IllegalArgumentException("an Fp5 element has 5 coefficients, got " + coefficients.length);
        }
        return of(coefficients[0], coefficients[1], coefficients[2], coefficients[3], coefficients[4]);
    }

    /** The element of 40 little-endian bytes; a coefficient not below p is not canonical and is refused. */
    public static Fp5 fromBytes(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("an Fp5 element is " + BYTES + " bytes, got " + bytes.length);
        }
        long[] c = new long[5];
        for (int i = 0; i < 5; i++) {
            c[i] = Bytes.readLong(bytes, i * 8);
            if (Long.compareUnsigned(c[i], Goldilocks.P) >= 0) {
                throw new IllegalArgumentException("coefficient " + i + " is not below the field modulus");
            }
        }
        return new Fp5(c[0], c[1], c[2], c[3], c[4]);
    }

    public byte[] toBytes() {
        byte[] bytes = new byte[BYTES];
        long[] c = coefficients();
        for (int i = 0; i < 5; i++) {
            Bytes.writeLong(bytes, i * 8, c[i]);
        }
        return bytes;
    }

    public long[] coefficients() {
        return new long[] {c0, c1, c2, c3, c4};
    }

    public boolean isZero() {
        return (c0 | c1 | c2 | c3 | c4) == 0;
    }

    public Fp5 add(Fp5 o) {
        return new Fp5(Goldilocks.add(c0, o.c0), Goldilocks.add(c1, o.c1), Goldilocks.add(c2, o.c2),
                Goldilocks.add(c3, o.c3), Goldilocks.add(c4, o.c4));
    }

    public Fp5 sub(Fp5 o) {
        return new Fp5(Goldilocks.sub(c0, o.c0), Goldilocks.sub(c1, o.c1), Goldilocks.sub(c2, o.c2),
                Goldilocks.sub(c3, o.c3), Goldilocks.sub(c4, o.c4));
    }

    public Fp5 neg() {
        return new Fp5(Goldilocks.neg(c0), Goldilocks.neg(c1), Goldilocks.neg(c2), Goldilocks.neg(c3),
                Goldilocks.neg(c4));
    }

    public Fp5 twice() {
        return add(this);
    }

    /** This times a base-field scalar. */
    public Fp5 scale(long k) {
        return new Fp5(gmul(c0, k), gmul(c1, k), gmul(c2, k), gmul(c3, k), gmul(c4, k));
    }

    /** This times z^1·k (z^5 = 3): the curve constant b = 263·z is applied this way. */
    Fp5 mulByZ(long k) {
        return new Fp5(gmul(gmul(c4, W), k), gmul(c0, k), gmul(c1, k), gmul(c2, k), gmul(c3, k));
    }

    public Fp5 mul(Fp5 o) {
        // (Σ a_i z^i)(Σ b_j z^j) with z^5 = 3: terms with i + j ≥ 5 fold back times 3
        long d0 = gadd(gmul(c0, o.c0),
                gmul(W, sum(gmul(c1, o.c4), gmul(c2, o.c3), gmul(c3, o.c2), gmul(c4, o.c1))));
        long d1 = gadd(gadd(gmul(c0, o.c1), gmul(c1, o.c0)),
                gmul(W, sum(gmul(c2, o.c4), gmul(c3, o.c3), gmul(c4, o.c2), 0)));
        long d2 = gadd(sum(gmul(c0, o.c2), gmul(c1, o.c1), gmul(c2, o.c0), 0),
                gmul(W, gadd(gmul(c3, o.c4), gmul(c4, o.c3))));
        long d3 = gadd(sum(gmul(c0, o.c3), gmul(c1, o.c2), gmul(c2, o.c1), gmul(c3, o.c0)),
                gmul(W, gmul(c4, o.c4)));
        long d4 = gadd(sum(gmul(c0, o.c4), gmul(c1, o.c3), gmul(c2, o.c2), gmul(c3, o.c1)), gmul(c4, o.c0));
        return new Fp5(d0, d1, d2, d3, d4);
    }

    private static long sum(long a, long b, long c, long d) {
        return gadd(gadd(a, b), gadd(c, d));
    }

    public Fp5 square() {
        return mul(this);
    }

    /** x^(p^count): coefficient i times ω^(i·count). */
    public Fp5 frobenius(int count) {
        int k = Math.floorMod(count, 5);
        if (k == 0) {
            return this;
        }
        return new Fp5(c0, gmul(c1, OMEGA_POWERS[k]), gmul(c2, OMEGA_POWERS[(2 * k) % 5]),
                gmul(c3, OMEGA_POWERS[(3 * k) % 5]), gmul(c4, OMEGA_POWERS[(4 * k) % 5]));
    }

    /** x^(p + p^2 + p^3 + p^4), so that {@code x · conjugates()} is the norm. */
    private Fp5 conjugates() {
        Fp5 d = frobenius(1);
        Fp5 e = d.mul(d.frobenius(1)); // x^(p + p^2)
        return e.mul(e.frobenius(2)); // x^(p + p^2 + p^3 + p^4)
    }

    /** The norm x^(1 + p + ... + p^4), an element of the base field. */
    public long norm() {
        return mul(conjugates()).c0;
    }

    /** The inverse, or zero for zero. */
    public Fp5 inverseOrZero() {
        if (isZero()) {
            return ZERO;
        }
        Fp5 f = conjugates();
        long norm = mul(f).c0;
        return f.scale(Goldilocks.inverse(norm));
    }

    public Fp5 div(Fp5 o) {
        if (o.isZero()) {
            throw new ArithmeticException("division by zero in GF(p^5)");
        }
        return mul(o.inverseOrZero());
    }

    /** 1 for a non-zero square, p - 1 for a non-square, 0 for zero (the norm's symbol in GF(p)). */
    public long legendre() {
        return Goldilocks.legendre(norm());
    }

    /**
     * A square root, or {@code null} for a non-square. With r = 1 + p + ... + p^4, x^r = N(x) is in GF(p); for
     * s = √N(x) and v = x^((r-1)/2), (s/v)^2 = N(x)/x^(r-1) = x. The exponent (r-1)/2 = p·(1+p)/2·(1+p^2) takes one
     * 64-bit power and two Frobenius maps.
     */
    public Fp5 sqrt() {
        if (isZero()) {
            return ZERO;
        }
        Long s = Goldilocks.sqrt(norm());
        if (s == null) {
            return null;
        }
        Fp5 y = pow((Goldilocks.P >>> 1) + 1); // (p + 1) / 2
        Fp5 v = y.mul(y.frobenius(2)).frobenius(1);
        return v.inverseOrZero().scale(s);
    }

    /** x to an unsigned 64-bit power. */
    public Fp5 pow(long exponent) {
        Fp5 result = ONE;
        Fp5 power = this;
        long e = exponent;
        while (e != 0) {
            if ((e & 1) != 0) {
                result = result.mul(power);
            }
            power = power.square();
            e >>>= 1;
        }
        return result;
    }

    private static long gmul(long a, long b) {
        return Goldilocks.mul(a, b);
    }

    private static long gadd(long a, long b) {
        return Goldilocks.add(a, b);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Fp5 o && c0 == o.c0 && c1 == o.c1 && c2 == o.c2 && c3 == o.c3 && c4 == o.c4;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(coefficients());
    }

    @Override
    public String toString() {
        long[] c = coefficients();
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < 5; i++) {
            text.append(i == 0 ? "" : ", ").append(Long.toUnsignedString(c[i]));
        }
        return text.append(']').toString();
    }
}
