package dev.perpflow.lighter.signer;

import java.util.HexFormat;

/** Little-endian words and hex text, the byte forms Lighter uses for keys, hashes and signatures. */
final class Bytes {

    private Bytes() {
    }

    static long readLong(byte[] bytes, int offset) {
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = (value << 8) | (bytes[offset + i] & 0xFFL);
        }
        return value;
    }

    static void writeLong(byte[] bytes, int offset, long value) {
        for (int i = 0; i < 8; i++) {
            bytes[offset + i] = (byte) (value >>> (8 * i));
        }
    }

    /** Lower-case hex without a prefix (as Lighter writes signatures). */
    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** Hex with or without {@code 0x}; {@code what} names the value in the error, never the value itself. */
    static byte[] fromHex(String text, String what) {
        String hex = text.strip();
        if (hex.startsWith("0x") || hex.startsWith("0X")) {
            hex = hex.substring(2);
        }
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not hex");
        }
    }
}
