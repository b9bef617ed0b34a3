package dev.perpflow.component.paradex.starknet;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * StarkNet's Poseidon: the Hades permutation of width 3 over the STARK field (x³ S-box, 8 full rounds around 83
 * partial ones, MDS {@code [[3,1,1],[1,-1,1],[1,1,-2]]}, round constant {@code i} = {@code sha256("Hades" + i) mod p}
 * as cairo-lang's {@code poseidon_utils} generates them), the two-element hash and the sponge over many elements
 * (rate 2, a 1 appended then zero padding) that revision 1 of SNIP-12 typed data hashes with.
 */
public final class Poseidon {

    private static final BigInteger P = StarkCurve.P;
    private static final int FULL_ROUNDS = 8;
    private static final int PARTIAL_ROUNDS = 83;
    private static final BigInteger[] CONSTANTS = new BigInteger[3 * (FULL_ROUNDS + PARTIAL_ROUNDS)];

    static {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < CONSTANTS.length; i++) {
                CONSTANTS[i] = new BigInteger(1, sha256.digest(("Hades" + i).getBytes(StandardCharsets.US_ASCII)))
                        .mod(P);
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private Poseidon() {
    }

    /** {@code poseidon_hash(x, y)}: the first element of the permutation of {@code [x, y, 2]}. */
    public static BigInteger hash(BigInteger x, BigInteger y) {
        return permute(new BigInteger[] {x, y, BigInteger.TWO})[0];
    }

    /** {@code poseidon_hash_many}: the sponge over {@code values ‖ 1 ‖ 0-padding to an even length}. */
    public static BigInteger hashMany(List<BigInteger> values) {
        List<BigInteger> input = new ArrayList<>(values);
        input.add(BigInteger.ONE);
        if (input.size() % 2 != 0) {
            input.add(BigInteger.ZERO);
        }
        BigInteger[] state = {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO};
        for (int i = 0; i < input.size(); i += 2) {
            state[0] = state[0].add(input.get(i)).mod(P);
            state[1] = state[1].add(input.get(i + 1)).mod(P);
            state = permute(state);
        }
        return state[0];
    }

    static BigInteger[] permute(BigInteger[] input) {
        BigInteger[] state = input.clone();
        int round = 0;
        for (int i = 0; i < FULL_ROUNDS / 2; i++) {
            state = round(state, round++, true);
        }
        for (int i = 0; i < PARTIAL_ROUNDS; i++) {
            state = round(state, round++, false);
        }
        for (int i = 0; i < FULL_ROUNDS / 2; i++) {
            state = round(state, round++, true);
        }
        return state;
    }

    private static BigInteger[] round(BigInteger[] state, int round, boolean full) {
        BigInteger[] s = new BigInteger[3];
        for (int j = 0; j < 3; j++) {
            s[j] = state[j].add(CONSTANTS[3 * round + j]).mod(P);
        }
        if (full) {
            for (int j = 0; j < 3; j++) {
                s[j] = s[j].modPow(BigInteger.valueOf(3), P);
            }
        } else {
            s[2] = s[2].modPow(BigInteger.valueOf(3), P);
        }
        BigInteger sum = s[0].add(s[1]).add(s[2]);
        // MDS [[3,1,1],[1,-1,1],[1,1,-2]] as sums: 3a+b+c, a-b+c, a+b-2c
        return new BigInteger[] {sum.add(s[0].shiftLeft(1)).mod(P), sum.subtract(s[1].shiftLeft(1)).mod(P),
            sum.subtract(s[2].multiply(BigInteger.valueOf(3))).mod(P)};
    }
}
