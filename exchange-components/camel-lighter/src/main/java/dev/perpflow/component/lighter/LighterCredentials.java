package dev.perpflow.component.lighter;

import dev.perpflow.lighter.signer.LighterKey;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Lighter API credentials as the seed reads them: the API key's 40-byte private key as hex (env
 * {@code LIGHTER_API_KEY_PRIVATE_KEY}, the seed's {@code API_KEY_PRIVATE_KEY} accepted too), the account index
 * ({@code LIGHTER_ACCOUNT_INDEX}) and the API key index ({@code LIGHTER_API_KEY_INDEX}, 0..254; the venue reserves
 * 0 and 1 for its own apps). Checked when built; the public key is derived at once, so a malformed key fails at
 * startup rather than on the first order. Prints the public key's start only.
 */
public final class LighterCredentials {

    public static final String PRIVATE_KEY_ENV = "LIGHTER_API_KEY_PRIVATE_KEY";
    /** The seed's name for the private key, read when {@value #PRIVATE_KEY_ENV} is not set. */
    public static final String SEED_PRIVATE_KEY_ENV = "API_KEY_PRIVATE_KEY";
    public static final String ACCOUNT_INDEX_ENV = "LIGHTER_ACCOUNT_INDEX";
    public static final String API_KEY_INDEX_ENV = "LIGHTER_API_KEY_INDEX";
    /** Largest account index (2^48 - 2) and API key index (254) the venue accepts. */
    static final long MAX_ACCOUNT_INDEX = (1L << 48) - 2;
    static final int MAX_API_KEY_INDEX = 254;

    private final LighterKey key;
    private final long accountIndex;
    private final int apiKeyIndex;

    private LighterCredentials(LighterKey key, long accountIndex, int apiKeyIndex) {
        this.key = key;
        this.accountIndex = accountIndex;
        this.apiKeyIndex = apiKeyIndex;
    }

    public static LighterCredentials of(LighterKey key, long accountIndex, int apiKeyIndex) {
        Objects.requireNonNull(key, "key");
        if (accountIndex < 0 || accountIndex > MAX_ACCOUNT_INDEX) {
            throw new IllegalArgumentException("lighter: " + ACCOUNT_INDEX_ENV + " must be 0.." + MAX_ACCOUNT_INDEX
                    + ", was " + accountIndex);
        }
        if (apiKeyIndex < 0 || apiKeyIndex > MAX_API_KEY_INDEX) {
            throw new IllegalArgumentException("lighter: " + API_KEY_INDEX_ENV + " must be 0.." + MAX_API_KEY_INDEX
                    + ", was " + apiKeyIndex);
        }
        return new LighterCredentials(key, accountIndex, apiKeyIndex);
    }

    /** Checked credentials from the three text values (hex key, decimal indexes). */
    public static LighterCredentials of(String privateKeyHex, String accountIndex, String apiKeyIndex) {
        if (isBlank(privateKeyHex)) {
            throw new IllegalArgumentException("lighter: " + PRIVATE_KEY_ENV + " is missing");
        }
        LighterKey key;
        try {
            key = LighterKey.fromHex(privateKeyHex);
        } catch (IllegalArgumentException e) {
            // the signer's messages never contain the value
            throw new IllegalArgumentException(e.getMessage().replace("the API private key", PRIVATE_KEY_ENV), e);
        }
        return of(key, number(accountIndex, ACCOUNT_INDEX_ENV), (int) number(apiKeyIndex, API_KEY_INDEX_ENV));
    }

    /**
     * Credentials from the environment when any of the variables is set ({@value #PRIVATE_KEY_ENV}, or the seed's
     * {@value #SEED_PRIVATE_KEY_ENV}; {@value #ACCOUNT_INDEX_ENV}; {@value #API_KEY_INDEX_ENV}); a partial set fails.
     */
    public static Optional<LighterCredentials> fromEnvironment(Map<String, String> environment) {
        String key = environment.get(PRIVATE_KEY_ENV);
        if (isBlank(key)) {
            key = environment.get(SEED_PRIVATE_KEY_ENV);
        }
        String account = environment.get(ACCOUNT_INDEX_ENV);
        String apiKey = environment.get(API_KEY_INDEX_ENV);
        if (isBlank(key) && isBlank(account) && isBlank(apiKey)) {
            return Optional.empty();
        }
        return Optional.of(of(key, account, apiKey));
    }

    private static long number(String value, String name) {
        if (isBlank(value)) {
            throw new IllegalArgumentException("lighter: " + name + " is missing");
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("lighter: " + name + " is not a whole number");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** The API key (signs transactions and auth tokens; prints without its private part). */
    public LighterKey key() {
        return key;
    }

    public long accountIndex() {
        return accountIndex;
    }

    public int apiKeyIndex() {
        return apiKeyIndex;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LighterCredentials that && key.equals(that.key) && accountIndex == that.accountIndex
                && apiKeyIndex == that.apiKeyIndex;
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, accountIndex, apiKeyIndex);
    }

    @Override
    public String toString() {
        return "LighterCredentials[account=" + accountIndex + ", apiKeyIndex=" + apiKeyIndex + ", key=" + key + "]";
    }
}
