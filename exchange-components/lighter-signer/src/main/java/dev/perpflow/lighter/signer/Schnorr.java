package dev.perpflow.lighter.signer;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * Schnorr signatures over ECgFp5 with Poseidon2 challenges, as Lighter signs transactions and auth tokens: the
 * message is hashed to GF(p^5) first (by the caller); with nonce k, r = encode(k·G), e = H(r ‖ m) read as a scalar,
 * s = k − e·sk. The signature is (s, e), 80 bytes {@code s ‖ e}; it verifies when H(encode(s·G + e·pk) ‖ m) = e.
 * The public key is the encoding of sk·G. A signing nonce is random unless a test gives one.
 */
public final class Schnorr {

    private Schnorr() {
    }

    /** A signature: {@code s} then {@code e}, each 40 little-endian bytes. */
    public record Signature(Scalar s, Scalar e) {

        public static final int BYTES = 2 * Scalar.BYTES;

        public Signature {
            Objects.requireNonNull(s, "s");
            Objects.requireNonNull(e, "e");
        }

        /** From 80 bytes; each half is reduced mod n, as the venue reads them. */
        public static Signature fromBytes(byte[] bytes) {
            if (bytes.length != BYTES) {
                throw new IllegalArgumentException("a signature is " + BYTES + " bytes, got " + bytes.length);
            }
            byte[] s = new byte[Scalar.BYTES];
            byte[] e = new byte[Scalar.BYTES];
            System.arraycopy(bytes, 0, s, 0, Scalar.BYTES);
            System.arraycopy(bytes, Scalar.BYTES, e, 0, Scalar.BYTES);
            return new Signature(Scalar.fromBytes(s), Scalar.fromBytes(e));
        }

        public byte[] toBytes() {
            byte[] bytes = new byte[BYTES];
            System.arraycopy(s.toBytes(), 0, bytes, 0, Scalar.BYTES);
            System.arraycopy(e.toBytes(), 0, bytes, Scalar.BYTES, Scalar.BYTES);
            return bytes;
        }

        @Override
        public String toString() {
            return "Signature[" + Bytes.hex(toBytes()) + "]";
        }
    }

    /** The public key of {@code secret}: the encoding of secret·G. */
    public static Fp5 publicKey(Scalar secret) {
        return EcgFp5.multiplyGenerator(secret).encode();
    }

    /** Signs with a fresh random nonce. */
    public static Signature sign(Fp5 hashedMessage, Scalar secret, SecureRandom random) {
        return sign(hashedMessage, secret, Scalar.random(random));
    }

    /** Signs with the nonce {@code k} (deterministic: for test vectors; a reused nonce reveals the key). */
    public static Signature sign(Fp5 hashedMessage, Scalar secret, Scalar k) {
        Fp5 r = EcgFp5.multiplyGenerator(k).encode();
        Scalar e = challenge(r, hashedMessage);
        return new Signature(k.sub(e.mul(secret)), e);
    }

    /** Whether {@code signature} is {@code publicKey}'s over {@code hashedMessage}; a key that decodes to no point fails. */
    public static boolean verify(Fp5 publicKey, Fp5 hashedMessage, Signature signature) {
        EcgFp5 key = EcgFp5.decode(publicKey);
        if (key == null) {
            return false;
        }
        Fp5 r = EcgFp5.multiplyGenerator(signature.s()).add(key.multiply(signature.e())).encode();
        return challenge(r, hashedMessage).equals(signature.e());
    }

    /** e = Poseidon2(r ‖ m) read as a scalar. */
    static Scalar challenge(Fp5 r, Fp5 hashedMessage) {
        long[] preimage = new long[10];
        System.arraycopy(r.coefficients(), 0, preimage, 0, 5);
        System.arraycopy(hashedMessage.coefficients(), 0, preimage, 5, 5);
        return Scalar.fromFp5(Poseidon2.hashToQuinticExtension(preimage));
    }
}
