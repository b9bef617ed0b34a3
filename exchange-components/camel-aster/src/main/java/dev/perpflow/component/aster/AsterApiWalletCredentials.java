package dev.perpflow.component.aster;

import dev.perpflow.exchange.crypto.EthAddress;
import dev.perpflow.exchange.crypto.EthPrivateKey;
import dev.perpflow.exchange.auth.Secret;
import java.util.Objects;

/**
 * Aster V3 API-wallet credentials: the main account's wallet address ({@code user}), the API wallet ("agent")
 * address approved for it ({@code signer}) and the API wallet's secp256k1 private key (env {@code ASTER_USER},
 * {@code ASTER_SIGNER}, {@code ASTER_SIGNER_PRIVATE_KEY}). The key must belong to {@code signer}: a mismatch is
 * refused here rather than by every request. Prints the addresses only.
 */
public record AsterApiWalletCredentials(String user, String signer, Secret privateKey) implements AsterAccount {

    public AsterApiWalletCredentials {
        if (!EthAddress.isValid(user)) {
            throw new IllegalArgumentException("aster: user must be the main wallet address (0x and 40 hex digits), was "
                    + user);
        }
        if (!EthAddress.isValid(signer)) {
            throw new IllegalArgumentException(
                    "aster: signer must be the API wallet address (0x and 40 hex digits), was " + signer);
        }
        Objects.requireNonNull(privateKey, "aster: the API wallet private key is missing");
        String derived;
        try {
            derived = EthPrivateKey.of(privateKey).address();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("aster: the API wallet private key is malformed: " + e.getMessage());
        }
        if (!EthAddress.same(derived, signer)) {
            throw new IllegalArgumentException("aster: the API wallet private key belongs to " + derived
                    + ", not to signer " + signer);
        }
        user = EthAddress.checksum(user);
        signer = EthAddress.checksum(signer);
    }

    public static AsterApiWalletCredentials of(String user, String signer, String privateKey) {
        if (privateKey == null || privateKey.isBlank()) {
            throw new IllegalArgumentException("aster: the API wallet private key is missing");
        }
        return new AsterApiWalletCredentials(user, signer, Secret.of(privateKey));
    }

    @Override
    public AsterAuthMode authMode() {
        return AsterAuthMode.API_WALLET_V3;
    }

    @Override
    public String toString() {
        return "AsterApiWalletCredentials[user=" + user + ", signer=" + signer + ", privateKey=***]";
    }
}
