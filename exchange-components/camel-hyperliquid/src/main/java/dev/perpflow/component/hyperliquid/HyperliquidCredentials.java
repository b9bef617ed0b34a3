package dev.perpflow.component.hyperliquid;

import dev.perpflow.exchange.auth.Secret;
import dev.perpflow.exchange.crypto.EthAddress;
import dev.perpflow.exchange.crypto.EthPrivateKey;
import java.util.Objects;

/**
 * Hyperliquid credentials (the seed's {@code private_key} / {@code account_address}; env
 * {@code HYPERLIQUID_PRIVATE_KEY} / {@code HYPERLIQUID_ACCOUNT_ADDRESS}): the key that signs and the account traded.
 * The key is the account's own, or an API wallet ("agent") the account approved: then the signer differs from the
 * account, the venue maps the agent to the account, and every read names the account (an agent's own address has no
 * positions). Without an account address the key's own address is the account. The key is checked when built; prints
 * the addresses only.
 */
public record HyperliquidCredentials(String accountAddress, Secret privateKey) {

    public static final String PRIVATE_KEY_ENV = "HYPERLIQUID_PRIVATE_KEY";
    public static final String ACCOUNT_ADDRESS_ENV = "HYPERLIQUID_ACCOUNT_ADDRESS";

    public HyperliquidCredentials {
        Objects.requireNonNull(privateKey, "hyperliquid: " + PRIVATE_KEY_ENV + " is missing");
        String signer;
        try {
            signer = EthPrivateKey.of(privateKey).address();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("hyperliquid: " + PRIVATE_KEY_ENV + " is malformed: " + e.getMessage());
        }
        if (accountAddress == null || accountAddress.isBlank()) {
            accountAddress = signer;
        } else if (!EthAddress.isValid(accountAddress.strip())) {
            throw new IllegalArgumentException("hyperliquid: " + ACCOUNT_ADDRESS_ENV
                    + " must be the account's address (0x and 40 hex digits), was " + accountAddress);
        }
        accountAddress = EthAddress.checksum(accountAddress.strip());
    }

    /** Credentials from the key and the account address ({@code null} or blank: the key's own account). */
    public static HyperliquidCredentials of(String privateKey, String accountAddress) {
        if (privateKey == null || privateKey.isBlank()) {
            throw new IllegalArgumentException("hyperliquid: " + PRIVATE_KEY_ENV + " is missing");
        }
        return new HyperliquidCredentials(accountAddress, Secret.of(privateKey));
    }

    /** The address of the signing key (the account's, or its API wallet's). */
    public String signerAddress() {
        return EthPrivateKey.of(privateKey).address();
    }

    /** Whether the key is an API wallet of the account rather than the account's own. */
    public boolean isApiWallet() {
        return !EthAddress.same(signerAddress(), accountAddress);
    }

    @Override
    public String toString() {
        return "HyperliquidCredentials[account=" + accountAddress + (isApiWallet() ? ", apiWallet=" + signerAddress()
                : "") + ", privateKey=***]";
    }
}
