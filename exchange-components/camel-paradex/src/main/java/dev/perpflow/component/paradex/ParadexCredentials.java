package dev.perpflow.component.paradex;

import dev.perpflow.component.paradex.starknet.StarkCurve;
import dev.perpflow.exchange.auth.Secret;
import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Paradex account as the seed configures it: the StarkNet account address ({@code PARADEX_L2_ADDRESS}) and the
 * STARK private key that signs for it ({@code PARADEX_L2_PRIVATE_KEY}), given directly (no onboarding derivation
 * from an Ethereum key); the Ethereum address the account was onboarded with ({@code PARADEX_L1_ADDRESS}) is kept
 * for reference and is not needed to trade. Checked when built (hex, a field element, a key in the curve's range);
 * prints the address only.
 */
public final class ParadexCredentials {

    public static final String L1_ADDRESS_ENV = "PARADEX_L1_ADDRESS";
    public static final String L2_ADDRESS_ENV = "PARADEX_L2_ADDRESS";
    public static final String L2_PRIVATE_KEY_ENV = "PARADEX_L2_PRIVATE_KEY";

    private final String l1Address;
    private final BigInteger l2Address;
    private final Secret l2PrivateKey;

    private ParadexCredentials(String l1Address, BigInteger l2Address, Secret l2PrivateKey) {
        this.l1Address = l1Address;
        this.l2Address = l2Address;
        this.l2PrivateKey = l2PrivateKey;
    }

    /** Checked credentials; {@code l1Address} may be {@code null}. */
    public static ParadexCredentials of(String l1Address, String l2Address, String l2PrivateKey) {
        if (isBlank(l2Address)) {
            throw new IllegalArgumentException("paradex: " + L2_ADDRESS_ENV + " is missing");
        }
        if (isBlank(l2PrivateKey)) {
            throw new IllegalArgumentException("paradex: " + L2_PRIVATE_KEY_ENV + " is missing");
        }
        BigInteger address = hex(l2Address.strip(), L2_ADDRESS_ENV);
        if (address.signum() <= 0 || address.compareTo(StarkCurve.P) >= 0) {
            throw new IllegalArgumentException("paradex: " + L2_ADDRESS_ENV + " is not a StarkNet address");
        }
        Secret key = Secret.of(l2PrivateKey.strip());
        BigInteger value = hex(key.reveal(), L2_PRIVATE_KEY_ENV);
        if (value.signum() <= 0 || value.compareTo(StarkCurve.N) >= 0) {
            throw new IllegalArgumentException("paradex: " + L2_PRIVATE_KEY_ENV + " is not a STARK private key");
        }
        return new ParadexCredentials(isBlank(l1Address) ? null : l1Address.strip(), address, key);
    }

    /** Credentials from the seed's variables, when the L2 address or key is set. */
    public static Optional<ParadexCredentials> fromEnvironment(Map<String, String> environment) {
        String address = environment.get(L2_ADDRESS_ENV);
        String key = environment.get(L2_PRIVATE_KEY_ENV);
        if (isBlank(address) && isBlank(key)) {
            return Optional.empty();
        }
        return Optional.of(of(environment.get(L1_ADDRESS_ENV), address, key));
    }

    /** The StarkNet account address (signs as this account; {@code PARADEX-STARKNET-ACCOUNT}). */
    public BigInteger l2Address() {
        return l2Address;
    }

    public String l2AddressHex() {
        return "0x" + l2Address.toString(16);
    }

    /** The Ethereum address the account was onboarded with, or {@code null}. */
    public String l1Address() {
        return l1Address;
    }

    /** The STARK private key (prints as {@code ***}). */
    public Secret l2PrivateKey() {
        return l2PrivateKey;
    }

    static BigInteger hex(String text, String name) {
        String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        if (digits.isEmpty() || digits.length() > 64 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            // the message names the variable only: the value may be a secret
            throw new IllegalArgumentException("paradex: " + name + " is not a hex number");
        }
        return new BigInteger(digits, 16);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ParadexCredentials that && l2Address.equals(that.l2Address)
                && l2PrivateKey.reveal().equals(that.l2PrivateKey.reveal());
    }

    @Override
    public int hashCode() {
        return Objects.hash(l2Address);
    }

    @Override
    public String toString() {
        return "ParadexCredentials[l2Address=" + l2AddressHex() + ", l2PrivateKey=***]";
    }
}
