package dev.perpflow.testkit;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What the fake venues need to check an EIP-712 signature the way the venues do, written from the specifications on
 * plain {@link BigInteger} so that it shares no code with the clients it checks: keccak-256 (Keccak-f[1600], rate
 * 136, Keccak padding), the EIP-712 word encodings and digest, and secp256k1 public-key recovery (SEC 1 §4.1.6) from
 * {@code r ‖ s ‖ v}. Each fake builds its venue's typed-data hashes from these (Aster's {@code Message}, Hyperliquid's
 * {@code Agent}, GRVT's {@code Order}).
 */
public final class Eip712Recovery {

    private static final BigInteger P = new BigInteger(
            "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2F", 16);
    private static final BigInteger N = new BigInteger(
            "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);
    private static final BigInteger[] G = {
        new BigInteger("79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798", 16),
        new BigInteger("483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8", 16)};
    private static final BigInteger SEVEN = BigInteger.valueOf(7);
    private static final long[] ROUND_CONSTANTS = new long[24];
    private static final int[] ROTATIONS = new int[25];

    static {
        // Keccak's round constants from its LFSR and rho offsets from the (x, y) -> (y, 2x + 3y) walk
        int lfsr = 1;
        for (int round = 0; round < 24; round++) {
            for (int j = 0; j < 7; j++) {
                if ((lfsr & 1) != 0) {
                    ROUND_CONSTANTS[round] ^= 1L << ((1 << j) - 1);
                }
                lfsr = (lfsr & 0x80) != 0 ? ((lfsr << 1) ^ 0x71) & 0xff : lfsr << 1;
            }
        }
        int x = 1;
        int y = 0;
        for (int t = 0; t < 24; t++) {
            ROTATIONS[x + 5 * y] = ((t + 1) * (t + 2) / 2) % 64;
            int nextY = (2 * x + 3 * y) % 5;
            x = y;
            y = nextY;
        }
        if (!onCurve(G[0], G[1])) {
            throw new IllegalStateException("secp256k1 generator is not on the curve");
        }
    }

    private Eip712Recovery() {
    }

    /** {@code keccak256(0x19 0x01 ‖ domainSeparator ‖ structHash)}: the digest an EIP-712 signature signs. */
    public static byte[] digest(byte[] domainSeparator, byte[] structHash) {
        return keccak(concat(new byte[] {0x19, 0x01}, domainSeparator, structHash));
    }

    /** {@code keccak256} of a type's encoding, e.g. {@code typeHash("Message(string msg)")}. */
    public static byte[] typeHash(String encodedType) {
        return keccak(ascii(encodedType));
    }

    /** The EIP-712 encoding of a {@code string} member: the keccak of its UTF-8 bytes. */
    public static byte[] string(String value) {
        return keccak(value.getBytes(StandardCharsets.UTF_8));
    }

    /** The lower-case address that made {@code signatureHex} ({@code 0x}? + r ‖ s ‖ v) over {@code digest}. */
    public static Optional<String> recoverAddress(byte[] digest, String signatureHex) {
        String hex = signatureHex.startsWith("0x") ? signatureHex.substring(2) : signatureHex;
        if (hex.length() != 130 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return Optional.empty();
        }
        byte[] raw = HexFormat.of().parseHex(hex);
        return recoverAddress(digest, new BigInteger(1, java.util.Arrays.copyOfRange(raw, 0, 32)),
                new BigInteger(1, java.util.Arrays.copyOfRange(raw, 32, 64)), raw[64] & 0xff);
    }

    /**
     * The lower-case address that made the signature {@code (r, s, v)} over {@code digest} ({@code v} 27/28 or 0/1);
     * empty for a malformed or high-{@code s} signature (Ethereum accepts only low {@code s}, EIP-2).
     */
    public static Optional<String> recoverAddress(byte[] digest, BigInteger r, BigInteger s, int v) {
        int recoveryId = v >= 27 ? v - 27 : v;
        if (recoveryId > 1 || r.signum() == 0 || r.compareTo(N) >= 0 || s.signum() == 0 || s.compareTo(N) >= 0
                || s.compareTo(N.shiftRight(1)) > 0) {
            return Optional.empty(); // Ethereum accepts only low-s signatures (EIP-2)
        }
        BigInteger ySquared = r.pow(3).add(SEVEN).mod(P);
        BigInteger ry = ySquared.modPow(P.add(BigInteger.ONE).shiftRight(2), P);
        if (!ry.multiply(ry).mod(P).equals(ySquared)) {
            return Optional.empty();
        }
        if (ry.testBit(0) != (recoveryId == 1)) {
            ry = P.subtract(ry);
        }
        BigInteger rInverse = r.modInverse(N);
        BigInteger e = new BigInteger(1, digest);
        BigInteger[] sR = multiply(new BigInteger[] {r, ry}, s.multiply(rInverse).mod(N));
        BigInteger[] eG = multiply(G, e.negate().mod(N).multiply(rInverse).mod(N));
        BigInteger[] q = add(sR, eG);
        if (q == null) {
            return Optional.empty();
        }
        byte[] hash = keccak(concat(word(q[0]), word(q[1])));
        return Optional.of("0x" + HexFormat.of().formatHex(hash, 12, 32));
    }

    // --- secp256k1 in affine coordinates; null is the point at infinity ---

    private static boolean onCurve(BigInteger x, BigInteger y) {
        return y.multiply(y).subtract(x.pow(3)).subtract(SEVEN).mod(P).signum() == 0;
    }

    private static BigInteger[] multiply(BigInteger[] point, BigInteger k) {
        BigInteger[] result = null;
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            result = add(result, result);
            if (k.testBit(i)) {
                result = add(result, point);
            }
        }
        return result;
    }

    private static BigInteger[] add(BigInteger[] a, BigInteger[] b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        BigInteger slope;
        if (a[0].equals(b[0])) {
            if (!a[1].equals(b[1]) || a[1].signum() == 0) {
                return null;
            }
            slope = a[0].pow(2).multiply(BigInteger.valueOf(3)).multiply(a[1].shiftLeft(1).modInverse(P)).mod(P);
        } else {
            slope = b[1].subtract(a[1]).multiply(b[0].subtract(a[0]).modInverse(P)).mod(P);
        }
        BigInteger x = slope.pow(2).subtract(a[0]).subtract(b[0]).mod(P);
        BigInteger y = slope.multiply(a[0].subtract(x)).subtract(a[1]).mod(P);
        return new BigInteger[] {x, y};
    }

    // --- keccak-256 ---

    /** keccak-256 of {@code input}. */
    public static byte[] keccak(byte[] input) {
        int rate = 136;
        int blocks = input.length / rate + 1;
        byte[] padded = new byte[blocks * rate];
        System.arraycopy(input, 0, padded, 0, input.length);
        padded[input.length] ^= 0x01;
        padded[padded.length - 1] ^= (byte) 0x80;
        long[] state = new long[25];
        for (int block = 0; block < blocks; block++) {
            for (int lane = 0; lane < rate / 8; lane++) {
                state[lane] ^= littleEndian(padded, block * rate + lane * 8);
            }
            permute(state);
        }
        byte[] out = new byte[32];
        for (int i = 0; i < 32; i++) {
            out[i] = (byte) (state[i / 8] >>> (8 * (i % 8)));
        }
        return out;
    }

    private static void permute(long[] a) {
        long[] c = new long[5];
        long[] b = new long[25];
        for (int round = 0; round < 24; round++) {
            for (int x = 0; x < 5; x++) {
                c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
            }
            for (int x = 0; x < 5; x++) {
                long d = c[(x + 4) % 5] ^ Long.rotateLeft(c[(x + 1) % 5], 1);
                for (int y = 0; y < 5; y++) {
                    a[x + 5 * y] ^= d;
                }
            }
            for (int x = 0; x < 5; x++) {
                for (int y = 0; y < 5; y++) {
                    b[y + 5 * ((2 * x + 3 * y) % 5)] = Long.rotateLeft(a[x + 5 * y], ROTATIONS[x + 5 * y]);
                }
            }
            for (int x = 0; x < 5; x++) {
                for (int y = 0; y < 5; y++) {
                    a[x + 5 * y] = b[x + 5 * y] ^ (~b[(x + 1) % 5 + 5 * y] & b[(x + 2) % 5 + 5 * y]);
                }
            }
            a[0] ^= ROUND_CONSTANTS[round];
        }
    }

    private static long littleEndian(byte[] bytes, int offset) {
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = (value << 8) | (bytes[offset + i] & 0xff);
        }
        return value;
    }

    /** {@code value} as one big-endian 32-byte word (an EIP-712 {@code uint}, or two's complement for negatives). */
    public static byte[] word(BigInteger value) {
        if (value.signum() < 0) {
            value = value.add(BigInteger.ONE.shiftLeft(256));
        }
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int length = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - length, out, 32 - length, length);
        return out;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** The parts one after the other. */
    public static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
