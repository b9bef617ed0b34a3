package dev.perpflow.component.paradex.starknet;

import java.math.BigInteger;

/** Test access to the fixed-nonce signing used to check the curve arithmetic against a published vector. */
public final class StarkCurveAccess {

    private StarkCurveAccess() {
    }

    public static StarkCurve.Signature signWithNonce(BigInteger key, BigInteger hash, BigInteger k) {
        return StarkCurve.signWithNonce(key, hash, k).orElseThrow();
    }

    public static BigInteger nonce(BigInteger hash, BigInteger key) {
        return StarkCurve.rfc6979Nonce(hash, key, null);
    }
}
