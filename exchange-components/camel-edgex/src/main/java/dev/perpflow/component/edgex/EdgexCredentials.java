package dev.perpflow.component.edgex;

import dev.perpflow.exchange.auth.Secret;
import dev.perpflow.exchange.crypto.EthPrivateKey;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An EdgeX v2 account: the account id ({@code EDGEX_ACCOUNT_ID}), the API key that authenticates requests with an
 * HMAC ({@code EDGEX_API_KEY}, {@code EDGEX_API_PASSPHRASE}, {@code EDGEX_API_SECRET}) and the trading key, a
 * secp256k1 key that signs each order's EIP-712 {@code LimitOrderParams} ({@code EDGEX_TRADING_PRIVATE_KEY}). The
 * seed's {@code EDGEX_STARK_PRIVATE_KEY} belongs to EdgeX's first API generation (StarkEx) and is not accepted by v2;
 * set alone it is refused with a message saying what v2 needs. Checked when built; prints the account and signer
 * address only.
 */
public final class EdgexCredentials {

    public static final String ACCOUNT_ID_ENV = "EDGEX_ACCOUNT_ID";
    public static final String API_KEY_ENV = "EDGEX_API_KEY";
    public static final String API_PASSPHRASE_ENV = "EDGEX_API_PASSPHRASE";
    public static final String API_SECRET_ENV = "EDGEX_API_SECRET";
    public static final String TRADING_PRIVATE_KEY_ENV = "EDGEX_TRADING_PRIVATE_KEY";
    /** EdgeX v1's StarkEx key (the seed's variable): not used by v2. */
    public static final String STARK_PRIVATE_KEY_ENV = "EDGEX_STARK_PRIVATE_KEY";

    private final long accountId;
    private final String apiKey;
    private final Secret apiPassphrase;
    private final Secret apiSecret;
    private final Secret tradingPrivateKey;
    private final String signerAddress;

    private EdgexCredentials(long accountId, String apiKey, Secret apiPassphrase, Secret apiSecret,
            Secret tradingPrivateKey, String signerAddress) {
        this.accountId = accountId;
        this.apiKey = apiKey;
        this.apiPassphrase = apiPassphrase;
        this.apiSecret = apiSecret;
        this.tradingPrivateKey = tradingPrivateKey;
        this.signerAddress = signerAddress;
    }

    public static EdgexCredentials of(String accountId, String apiKey, String apiPassphrase, String apiSecret,
            String tradingPrivateKey) {
        long id;
        try {
            id = Long.parseLong(require(accountId, ACCOUNT_ID_ENV).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("edgex: " + ACCOUNT_ID_ENV + " is not a number");
        }
        Secret key = Secret.of(require(tradingPrivateKey, TRADING_PRIVATE_KEY_ENV).strip());
        String address;
        try {
            address = EthPrivateKey.of(key).address();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("edgex: " + TRADING_PRIVATE_KEY_ENV + " is not a secp256k1 key (64 hex"
                    + " digits)");
        }
        return new EdgexCredentials(id, require(apiKey, API_KEY_ENV).strip(),
                Secret.of(require(apiPassphrase, API_PASSPHRASE_ENV).strip()),
                Secret.of(require(apiSecret, API_SECRET_ENV).strip()), key, address);
    }

    /** Credentials from the environment, when any v2 variable is set; the v1 Stark key alone is refused. */
    public static Optional<EdgexCredentials> fromEnvironment(Map<String, String> environment) {
        boolean any = java.util.stream.Stream.of(ACCOUNT_ID_ENV, API_KEY_ENV, API_PASSPHRASE_ENV, API_SECRET_ENV,
                TRADING_PRIVATE_KEY_ENV).anyMatch(name -> !isBlank(environment.get(name)));
        if (!any) {
            if (!isBlank(environment.get(STARK_PRIVATE_KEY_ENV))) {
                throw new IllegalArgumentException(v1KeyMessage());
            }
            return Optional.empty();
        }
        return Optional.of(of(environment.get(ACCOUNT_ID_ENV), environment.get(API_KEY_ENV),
                environment.get(API_PASSPHRASE_ENV), environment.get(API_SECRET_ENV),
                environment.get(TRADING_PRIVATE_KEY_ENV)));
    }

    /** What to say when only the v1 (StarkEx) key is given. */
    public static String v1KeyMessage() {
        return "edgex: " + STARK_PRIVATE_KEY_ENV + " is EdgeX's v1 (StarkEx) key; perpflow uses EdgeX's v2 API, which"
                + " needs " + ACCOUNT_ID_ENV + ", " + API_KEY_ENV + ", " + API_PASSPHRASE_ENV + ", " + API_SECRET_ENV
                + " and " + TRADING_PRIVATE_KEY_ENV + " (create the API key and the trading key in EdgeX's v2 app)";
    }

    public long accountId() {
        return accountId;
    }

    public String apiKey() {
        return apiKey;
    }

    public Secret apiPassphrase() {
        return apiPassphrase;
    }

    public Secret apiSecret() {
        return apiSecret;
    }

    public Secret tradingPrivateKey() {
        return tradingPrivateKey;
    }

    /** The EIP-55 address of the trading key: the order's {@code signer}. */
    public String signerAddress() {
        return signerAddress;
    }

    private static String require(String value, String name) {
        if (isBlank(value)) {
            throw new IllegalArgumentException("edgex: " + name + " is missing");
        }
        return value;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EdgexCredentials that && accountId == that.accountId && apiKey.equals(that.apiKey)
                && apiSecret.reveal().equals(that.apiSecret.reveal())
                && apiPassphrase.reveal().equals(that.apiPassphrase.reveal())
                && tradingPrivateKey.reveal().equals(that.tradingPrivateKey.reveal());
    }

    @Override
    public int hashCode() {
        return Objects.hash(accountId, apiKey);
    }

    @Override
    public String toString() {
        return "EdgexCredentials[accountId=" + accountId + ", apiKey=" + apiKey.substring(0, Math.min(4, apiKey.length()))
                + "…, signer=" + signerAddress + ", secrets=***]";
    }
}
