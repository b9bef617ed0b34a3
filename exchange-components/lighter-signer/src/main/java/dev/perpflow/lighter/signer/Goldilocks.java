package dev.perpflow.lighter.signer;

/**
 * The Goldilocks prime field GF(p), p = 2^64 - 2^32 + 1, on primitive {@code long}s read as unsigned 64-bit
 * integers. Every method takes and returns canonical values (unsigned, below p); {@link #canonical} brings any 64-bit
 * value into range. The reductions use 2^64 ≡ 2^32 - 1 and 2^96 ≡ -1 (mod p), so no division is ever needed.
 */
public final class Goldilocks {

    /** The modulus 2^64 - 2^32 + 1 (negative as a signed long). */
    public static final long P = 0xFFFF_FFFF_0000_0001L;
    /** 2^64 mod p = 2^32 - 1. */
    static final long EPSILON = 0xFFFF_FFFFL;
    /** A generator of the multiplicative group (used for square roots). */
    private static final long GENERATOR = 7;
    private static final int TWO_ADICITY = 32;
    /** (p - 1) / 2^32, the odd part of p - 1. */
    private static final long ODD_PART = 0xFFFF_FFFFL;
    /** A primitive 2^32-th root of unity: 7^((p-1)/2^32). */
    private static final long ROOT_OF_UNITY = exp(GENERATOR, ODD_PART);

    private Goldilocks() {
    }

    /** Any 64-bit value (unsigned) reduced below p. */
    public static long canonical(long x) {
        return Long.compareUnsigned(x, P) >= 0 ? x - P : x;
    }

    public static long add(long a, long b) {
        long sum = a + b;
        if (Long.compareUnsigned(sum, a) < 0) {
            sum += EPSILON; // wrapped past 2^64
        }
        return canonical(sum);
    }

    public static long sub(long a, long b) {
        long difference = a - b;
        if (Long.compareUnsigned(a, b) < 0) {
            difference -= EPSILON; // borrowed 2^64: a - b + p
        }
        return difference;
    }

    public static long neg(long a) {
        return a == 0 ? 0 : P - a;
    }

    public static long mul(long a, long b) {
        long lo = a * b;
        long hi = Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
        return reduce128(hi, lo);
    }

    public static long square(long a) {
        return mul(a, a);
    }

    /** {@code hi·2^64 + lo} mod p. */
    static long reduce128(long hi, long lo) {
        long hiHi = hi >>> 32;
        long hiLo = hi & EPSILON;
        long t0 = lo - hiHi; // 2^96 ≡ -1
        if (Long.compareUnsigned(lo, hiHi) < 0) {
            t0 -= EPSILON;
        }
        long t1 = hiLo * EPSILON; // 2^64 ≡ 2^32 - 1; fits in 64 bits
        long sum = t0 + t1;
        if (Long.compareUnsigned(sum, t1) < 0) {
            sum += EPSILON;
        }
        return canonical(sum);
    }

    /** {@code base^exponent}, the exponent read as unsigned. */
    public static long exp(long base, long exponent) {
        long result = 1;
        long power = base;
        long e = exponent;
        while (e != 0) {
            if ((e & 1) != 0) {
                result = mul(result, power);
            }
            power = square(power);
            e >>>= 1;
        }
        return result;
    }

    /** The inverse of a non-zero element (Fermat: a^(p-2)). */
    public static long inverse(long a) {
        if (a == 0) {
            throw new ArithmeticException("zero has no inverse");
        }
        return exp(a, P - 2);
    }

    /** 1 for a non-zero square, p - 1 for a non-square, 0 for zero. */
    public static long legendre(long a) {
        return exp(a, (P - 1) >>> 1);
    }

    /** A square root of {@code a} (Tonelli-Shanks), or {@code null} when {@code a} is not a square. */
    public static Long sqrt(long a) {
        if (a == 0) {
            return 0L;
        }
        if (legendre(a) != 1) {
            return null;
        }
        int m = TWO_ADICITY;
        long c = ROOT_OF_UNITY;
        long t = exp(a, ODD_PART);
        long r = exp(a, (ODD_PART + 1) >>> 1);
        while (t != 1) {
            int i = 0;
            long t2i = t;
            while (t2i != 1) {
                t2i = square(t2i);
                i++;
            }
            long b = c;
            for (int j = 0; j < m - i - 1; j++) {
                b = square(b);
            }
            m = i;
            c = square(b);
            t = mul(t, c);
            r = mul(r, b);
        }
        return r;
    }
}
