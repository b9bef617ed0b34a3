package dev.perpflow.testkit.paradex;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;

/**
 * What the fake Paradex needs to check a signature the way Paradex does, written from StarkWare's specifications
 * apart from the client it checks (only BouncyCastle's point arithmetic is shared): the message hash of a SNIP-12
 * revision 0 struct whose members are all {@code felt} (Pedersen chains, {@code starknet_keccak} type hashes, the
 * {@code StarkNetDomain}), and STARK-curve ECDSA verification against the account's public key.
 */
final class StarkSignatureCheck {

    static final BigInteger P = new BigInteger("800000000000011000000000000000000000000000000000000000000000001", 16);
    static final BigInteger N = new BigInteger("800000000000010ffffffffffffffffb781126dcae7b2321e66a241adc64d2f", 16);
    private static final BigInteger BETA = new BigInteger(
            "6f21413efbe40de150e596d72f7a8c5609ad26c15c915c1f4cdfcb99cee9e89", 16);
    private static final ECCurve CURVE = new ECCurve.Fp(P, BigInteger.ONE, BETA, N, BigInteger.ONE);
    private static final ECPoint G = point("1ef15c18599971b7beced415a40f0c7deacfd9b0d1819e03d723d8bc943cfca",
            "5668060aa49730b7be4801df46ec62de53ecd11abe43a32873000c36e8dc1f");
    private static final ECPoint[] PEDERSEN = {
        point("49ee3eba8c1600700ee1b87eb599f16716b0b1022947733551fde4050ca6804",
                "3ca0cfe4b3bc6ddf346d49d06ea0ed34e621062c0e056c1d0405d266e10268a"),
        point("234287dcbaffe7f969c748655fca9e58fa8120b6d56eb0c1080d17957ebe47b",
                "3b056f100f96fb21e889527d41f4e39940135dd7a6c94cc6ed0268ee89e5615"),
        point("4fa56f376c83db33f9dab2656558f3399099ec1de5e3018b7a6932dba8aa378",
                "3fa0984c931c9e38113e0c0e47e4401562761f92a7a23b45168f4e80ff5b54d"),
        point("4ba4cc166be8dec764910f75b45f74b40c690c74709e90f3aa372f0bd2d6997",
                "40301cf5c1751f4b971e46c4ede85fcac5c59a5ce5ae7c48151f27b24b219c"),
        point("54302dcb0e6cc1c6e44cca8f61a63bb2ca65048d53fb325d36ff12c49a58202",
                "1b77b3e37d13504b348046268d8ae25ce98ad783c25561a879dcc77e99c2426")};
    private static final BigInteger LOW_248 = BigInteger.ONE.shiftLeft(248).subtract(BigInteger.ONE);
    private static final BigInteger BOUND = BigInteger.ONE.shiftLeft(251);

    private StarkSignatureCheck() {
    }

    private static ECPoint point(String x, String y) {
        return CURVE.createPoint(new BigInteger(x, 16), new BigInteger(y, 16));
    }

    /** The public key (x coordinate) of a private key, for tests that configure an account. */
    static BigInteger publicKey(BigInteger privateKey) {
        return G.multiply(privateKey).normalize().getAffineXCoord().toBigInteger();
    }

    static BigInteger pedersen(BigInteger a, BigInteger b) {
        ECPoint sum = PEDERSEN[0];
        BigInteger[] in = {a, b};
        for (int i = 0; i < 2; i++) {
            if (in[i].signum() > 0) {
                sum = sum.add(PEDERSEN[1 + 2 * i].multiply(in[i].and(LOW_248)));
                if (in[i].shiftRight(248).signum() > 0) {
                    sum = sum.add(PEDERSEN[2 + 2 * i].multiply(in[i].shiftRight(248)));
                }
            }
        }
        return sum.normalize().getAffineXCoord().toBigInteger();
    }

    private static BigInteger chain(List<BigInteger> values) {
        BigInteger h = BigInteger.ZERO;
        for (BigInteger value : values) {
            h = pedersen(h, value);
        }
        return pedersen(h, BigInteger.valueOf(values.size()));
    }

    private static BigInteger typeHash(String encodedType) {
        KeccakDigest keccak = new KeccakDigest(256);
        byte[] in = encodedType.getBytes(StandardCharsets.US_ASCII);
        keccak.update(in, 0, in.length);
        byte[] out = new byte[32];
        keccak.doFinal(out, 0);
        return new BigInteger(1, out).and(BigInteger.ONE.shiftLeft(250).subtract(BigInteger.ONE));
    }

    /** A felt as starknet.py reads typed-data values: 0x hex, decimal digits, else an ASCII short string. */
    static BigInteger felt(String value) {
        if (value.startsWith("0x")) {
            return new BigInteger(value.substring(2), 16);
        }
        if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
            return new BigInteger(value);
        }
        return new BigInteger(1, value.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The revision 0 message hash of {@code type(members...)} with felt members, in the {@code Paradex} domain of
     * {@code chainId} (a short string), signed for {@code account}.
     */
    static BigInteger messageHash(String chainId, BigInteger account, String type, Map<String, String> members) {
        BigInteger domain = chain(List.of(typeHash("StarkNetDomain(name:felt,chainId:felt,version:felt)"),
                felt("Paradex"), felt(chainId), BigInteger.ONE));
        StringBuilder encoded = new StringBuilder(type).append('(');
        java.util.List<BigInteger> values = new java.util.ArrayList<>();
        boolean first = true;
        for (Map.Entry<String, String> member : members.entrySet()) {
            encoded.append(first ? "" : ",").append(member.getKey()).append(":felt");
            first = false;
            values.add(felt(member.getValue()));
        }
        values.add(0, typeHash(encoded.append(')').toString()));
        return chain(List.of(felt("StarkNet Message"), domain, account, chain(values)));
    }

    /** ECDSA on the STARK curve as StarkWare verifies it (either y of the public key). */
    static boolean verify(BigInteger publicKey, BigInteger hash, BigInteger r, BigInteger s) {
        if (r.signum() <= 0 || r.compareTo(BOUND) >= 0 || s.signum() <= 0 || s.compareTo(N) >= 0
                || hash.compareTo(BOUND) >= 0) {
            return false;
        }
        BigInteger w = s.modInverse(N);
        var y = CURVE.fromBigInteger(publicKey.pow(3).add(publicKey).add(BETA).mod(P)).sqrt();
        if (y == null) {
            return false;
        }
        ECPoint q = CURVE.createPoint(publicKey, y.toBigInteger());
        ECPoint zG = G.multiply(hash);
        for (ECPoint sum : new ECPoint[] {zG.add(q.multiply(r)), zG.subtract(q.multiply(r))}) {
            ECPoint result = sum.multiply(w).normalize();
            if (!result.isInfinity() && result.getAffineXCoord().toBigInteger().equals(r)) {
                return true;
            }
        }
        return false;
    }
}
