package dev.perpflow.lighter.signer;

/**
 * A point of ECgFp5 (Thomas Pornin, "EcGFp5: a Specialized Elliptic Curve", 2022), the prime-order group Lighter's
 * keys live in: the curve y^2 = x(x^2 + a·x + b) over GF(p^5) with a = 2, b = 263·z, with the group law P ⊕ Q =
 * P + Q + N where N = (0, 0) is the neutral element. Points are kept in fractional (x, u) coordinates, x = X/Z and
 * u = x/y = U/T, so addition and doubling are complete (no special cases). Each group element has exactly one
 * encoding as a GF(p^5) element, w = y/x = T/U (the neutral encodes as 0); decoding refuses anything else.
 * Immutable.
 */
public final class EcgFp5 {

    private static final long A = 2;
    private static final long B1 = 263;

    public static final EcgFp5 NEUTRAL = new EcgFp5(Fp5.ZERO, Fp5.ONE, Fp5.ZERO, Fp5.ONE);

    /**
     * The conventional generator, the point whose encoding is w = 4; {@code EcgFp5Test} checks that decoding 4 gives
     * these coordinates.
     */
    public static final EcgFp5 GENERATOR = new EcgFp5(
            Fp5.of(0xB2CA_178E_CF44_53A1L, 0x3C75_7788_836D_3EA4L, 0x48D7_F28A_26DA_FD0BL, 0x1E0F_15C7_FD44_C28EL,
                    0x21FA_7FFC_C825_2211L),
            Fp5.ONE, Fp5.ONE, Fp5.of(4, 0, 0, 0, 0));

    private static final int WINDOW = 4;
    private static final int DIGITS = 80; // 320 bits / 4

    final Fp5 x;
    final Fp5 z;
    final Fp5 u;
    final Fp5 t;

    private EcgFp5(Fp5 x, Fp5 z, Fp5 u, Fp5 t) {
        this.x = x;
        this.z = z;
        this.u = u;
        this.t = t;
    }

    /** The group element encoded by {@code w}, or {@code null} when {@code w} encodes none. */
    public static EcgFp5 decode(Fp5 w) {
        // With w = y/x the curve equation becomes x^2 - (w^2 - a)·x + b = 0: of its two roots, when there are any,
        // exactly one is a square; the point's x is the other one.
        Fp5 e = w.square().sub(Fp5.of(A, 0, 0, 0, 0));
        Fp5 delta = e.square().sub(Fp5.ONE.mulByZ(4 * B1));
        Fp5 r = delta.sqrt();
        if (r == null) {
            // w = 0 gives delta = a^2 - 4b, not a square: that is the neutral's encoding
            return w.isZero() ? NEUTRAL : null;
        }
        Fp5 half = Fp5.of(2, 0, 0, 0, 0).inverseOrZero();
        Fp5 x1 = e.add(r).mul(half);
        Fp5 x2 = e.sub(r).mul(half);
        Fp5 x = x1.legendre() == 1 ? x2 : x1;
        return new EcgFp5(x, Fp5.ONE, Fp5.ONE, w);
    }

    /** The canonical encoding w = T/U (0 for the neutral). */
    public Fp5 encode() {
        return t.mul(u.inverseOrZero());
    }

    public boolean isNeutral() {
        return u.isZero();
    }

    /** The group law, complete: any two points, equal or neutral ones included (10 multiplications). */
    public EcgFp5 add(EcgFp5 q) {
        Fp5 t1 = x.mul(q.x);
        Fp5 t2 = z.mul(q.z);
        Fp5 t3 = u.mul(q.u);
        Fp5 t4 = t.mul(q.t);
        Fp5 t5 = x.add(z).mul(q.x.add(q.z)).sub(t1.add(t2));
        Fp5 t6 = u.add(t).mul(q.u.add(q.t)).sub(t3.add(t4));
        Fp5 t7 = t1.add(timesB(t2));
        Fp5 t8 = t4.mul(t7);
        Fp5 t9 = t3.mul(t5.mulByZ(2 * B1).add(t7.twice()));
        Fp5 t10 = t4.add(t3.twice()).mul(t5.add(t7));
        return new EcgFp5(timesB(t10.sub(t8)), t8.sub(t9), t6.mul(timesB(t2).sub(t1)), t8.add(t9));
    }

    /** This point added to itself (4 multiplications and 5 squarings). */
    public EcgFp5 twice() {
        Fp5 t1 = z.mul(t);
        Fp5 t2 = t1.mul(t);
        Fp5 x1 = t2.square();
        Fp5 z1 = t1.mul(u);
        Fp5 t3 = u.square();
        Fp5 w1 = t2.sub(x.add(z).twice().mul(t3));
        Fp5 t4 = z1.square();
        Fp5 newZ = w1.square();
        return new EcgFp5(t4.mulByZ(4 * B1), newZ, w1.add(z1).square().sub(t4.add(newZ)),
                x1.twice().sub(t4.scale(4).add(newZ)));
    }

    /** {@code k·P} for any point: 4-bit windows over the scalar, most significant first. */
    public EcgFp5 multiply(Scalar k) {
        EcgFp5[] multiples = new EcgFp5[16];
        multiples[0] = NEUTRAL;
        multiples[1] = this;
        for (int d = 2; d < 16; d++) {
            multiples[d] = (d & 1) == 0 ? multiples[d / 2].twice() : multiples[d - 1].add(this);
        }
        int[] digits = digits(k);
        EcgFp5 result = NEUTRAL;
        for (int i = DIGITS - 1; i >= 0; i--) {
            result = result.twice().twice().twice().twice();
            if (digits[i] != 0) {
                result = result.add(multiples[digits[i]]);
            }
        }
        return result;
    }

    /**
     * {@code k·G} for the generator, from a table of d·16^i·G (built once): one addition per non-zero 4-bit digit and
     * no doubling, which is what makes signing fast.
     */
    public static EcgFp5 multiplyGenerator(Scalar k) {
        EcgFp5[][] table = GeneratorTable.TABLE;
        int[] digits = digits(k);
        EcgFp5 result = NEUTRAL;
        for (int i = 0; i < DIGITS; i++) {
            if (digits[i] != 0) {
                result = result.add(table[i][digits[i]]);
            }
        }
        return result;
    }

    /** The scalar's 80 nibbles, least significant first. */
    private static int[] digits(Scalar k) {
        long[] limbs = k.limbs();
        int[] digits = new int[DIGITS];
        for (int i = 0; i < DIGITS; i++) {
            digits[i] = (int) ((limbs[i / 16] >>> (WINDOW * (i % 16))) & 0xF);
        }
        return digits;
    }

    private static Fp5 timesB(Fp5 v) {
        return v.mulByZ(B1);
    }

    /** Group equality: (x, u) is the same point exactly when the u coordinates agree (u1·T2 = u2·T1). */
    @Override
    public boolean equals(Object other) {
        return other instanceof EcgFp5 q && u.mul(q.t).equals(q.u.mul(t));
    }

    @Override
    public int hashCode() {
        return encode().hashCode();
    }

    @Override
    public String toString() {
        return "EcgFp5[w=" + encode() + "]";
    }

    /** d·16^i·G for i < 80 and d < 16, built on first use (1,200 points, a few milliseconds). */
    private static final class GeneratorTable {

        static final EcgFp5[][] TABLE = build();

        private static EcgFp5[][] build() {
            EcgFp5[][] table = new EcgFp5[DIGITS][16];
            EcgFp5 base = GENERATOR;
            for (int i = 0; i < DIGITS; i++) {
                table[i][0] = NEUTRAL;
                table[i][1] = base;
                for (int d = 2; d < 16; d++) {
                    table[i][d] = table[i][d - 1].add(base);
                }
                base = base.twice().twice().twice().twice();
            }
            return table;
        }
    }
}
