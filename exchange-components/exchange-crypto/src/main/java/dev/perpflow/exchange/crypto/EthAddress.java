package dev.perpflow.exchange.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Ethereum addresses: the last 20 bytes of keccak256 of the uncompressed public key (without its {@code 04} prefix),
 * written with the EIP-55 mixed-case checksum.
 */
public final class EthAddress {

    private static final Pattern HEX_ADDRESS = Pattern.compile("^0x[0-9a-fA-F]{40}$");

    private EthAddress() {
    }

    /** The EIP-55 checksummed address of a public key. */
    public static String of(ECPoint publicKey) {
        byte[] uncompressed = publicKey.normalize().getEncoded(false);
        byte[] hash = Keccak.hash(Arrays.copyOfRange(uncompressed, 1, uncompressed.length));
        return checksum("0x" + HexFormat.of().formatHex(hash, 12, 32));
    }

    /** {@code address} with EIP-55 case: a hex letter is upper case where the keccak of the lower-case hex has a nibble ≥ 8. */
    public static String checksum(String address) {
        String lower = hexPart(address).toLowerCase(Locale.ROOT);
        String hash = HexFormat.of().formatHex(Keccak.hash(lower.getBytes(StandardCharsets.US_ASCII)));
        StringBuilder out = new StringBuilder("0x");
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            out.append(Character.digit(hash.charAt(i), 16) >= 8 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }

    /** Whether {@code address} is {@code 0x} and 40 hex digits (any case). */
    public static boolean isValid(String address) {
        return address != null && HEX_ADDRESS.matcher(address).matches();
    }

    /** Same address regardless of case. */
    public static boolean same(String a, String b) {
        return isValid(a) && isValid(b) && a.equalsIgnoreCase(b);
    }

    /** The 20 address bytes. */
    public static byte[] bytes(String address) {
        return HexFormat.of().parseHex(hexPart(address));
    }

    private static String hexPart(String address) {
        if (!isValid(address)) {
            throw new IllegalArgumentException("not an address (0x and 40 hex digits): " + address);
        }
        return address.substring(2);
    }
}
