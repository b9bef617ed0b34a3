package dev.perpflow.component.paradex.starknet;

import java.math.BigInteger;
import java.util.List;
import org.bouncycastle.math.ec.ECPoint;

/**
 * StarkWare's Pedersen hash of two field elements (StarkNet's {@code pedersen}): {@code [shift + a_low·P0 + a_high·P1
 * + b_low·P2 + b_high·P3].x}, where {@code _low} are the low 248 bits and {@code _high} the 4 bits above, with the
 * constant points of StarkWare's {@code pedersen_params.json}; and the chain {@link #hashMany} ({@code
 * compute_hash_on_elements}) that revision 0 of SNIP-12 typed data hashes with.
 */
public final class Pedersen {

    private static final BigInteger LOW_MASK = BigInteger.ONE.shiftLeft(248).subtract(BigInteger.ONE);
    private static final ECPoint SHIFT = StarkCurve.point(
            "49ee3eba8c1600700ee1b87eb599f16716b0b1022947733551fde4050ca6804",
            "3ca0cfe4b3bc6ddf346d49d06ea0ed34e621062c0e056c1d0405d266e10268a");
    private static final ECPoint[] POINTS = {
        StarkCurve.point("234287dcbaffe7f969c748655fca9e58fa8120b6d56eb0c1080d17957ebe47b",
                "3b056f100f96fb21e889527d41f4e39940135dd7a6c94cc6ed0268ee89e5615"),
        StarkCurve.point("4fa56f376c83db33f9dab2656558f3399099ec1de5e3018b7a6932dba8aa378",
                "3fa0984c931c9e38113e0c0e47e4401562761f92a7a23b45168f4e80ff5b54d"),
        StarkCurve.point("4ba4cc166be8dec764910f75b45f74b40c690c74709e90f3aa372f0bd2d6997",
                "40301cf5c1751f4b971e46c4ede85fcac5c59a5ce5ae7c48151f27b24b219c"),
        StarkCurve.point("54302dcb0e6cc1c6e44cca8f61a63bb2ca65048d53fb325d36ff12c49a58202",
                "1b77b3e37d13504b348046268d8ae25ce98ad783c25561a879dcc77e99c2426")};

    private Pedersen() {
    }

    /** {@code pedersen(a, b)} of two field elements (each below the field prime). */
    public static BigInteger hash(BigInteger a, BigInteger b) {
        ECPoint sum = SHIFT;
        BigInteger[] inputs = {a, b};
        for (int i = 0; i < 2; i++) {
            BigInteger x = inputs[i];
            if (x.signum() < 0 || x.compareTo(StarkCurve.P) >= 0) {
                throw new IllegalArgumentException("pedersen input is not a field element: " + x.toString(16));
            }
            sum = sum.add(StarkCurve.multiplyFixed(POINTS[2 * i], x.and(LOW_MASK)))
                    .add(StarkCurve.multiplyFixed(POINTS[2 * i + 1], x.shiftRight(248)));
        }
        return sum.normalize().getAffineXCoord().toBigInteger();
    }

    /** {@code compute_hash_on_elements}: {@code h(...h(h(0, e1), e2)..., n)}. */
    public static BigInteger hashMany(List<BigInteger> elements) {
        BigInteger chain = BigInteger.ZERO;
        for (BigInteger element : elements) {
            chain = hash(chain, element);
        }
        return hash(chain, BigInteger.valueOf(elements.size()));
    }
}
