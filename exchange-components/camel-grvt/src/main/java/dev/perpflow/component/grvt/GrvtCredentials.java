package dev.perpflow.component.grvt;

import dev.perpflow.exchange.auth.Secret;
import dev.perpflow.exchange.crypto.EthPrivateKey;
import java.util.Objects;

/**
 * GRVT credentials, as the seed reads them: the trading (sub) account id ({@code GRVT_TRADING_ACCOUNT_ID}, a uint64),
 * the private key of the API key's signer that signs orders ({@code GRVT_PRIVATE_KEY}) and the API key that logs in
 * ({@code GRVT_API_KEY}). Checked when built; prints the account id and the signer's address only.
 */
public record GrvtCredentials(String tradingAccountId, Secret privateKey, Secret apiKey) {

    public static final String TRADING_ACCOUNT_ID_ENV = "GRVT_TRADING_ACCOUNT_ID";
    public static final String PRIVATE_KEY_ENV = "GRVT_PRIVATE_KEY";
    public static final String API_KEY_ENV = "GRVT_API_KEY";

    public GrvtCredentials {
        if (tradingAccountId == null || tradingAccountId.isBlank()) {
            throw new IllegalArgumentException("grvt: " + TRADING_ACCOUNT_ID_ENV + " is missing");
        }
        tradingAccountId = tradingAccountId.strip();
        try {
            if (new java.math.BigInteger(tradingAccountId).signum() < 0
                    || new java.math.BigInteger(tradingAccountId).bitLength() > 64) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("grvt: " + TRADING_ACCOUNT_ID_ENV + " must be the sub account id (a"
                    + " uint64), was " + tradingAccountId);
        }
        Objects.requireNonNull(privateKey, "grvt: " + PRIVATE_KEY_ENV + " is missing");
        Objects.requireNonNull(apiKey, "grvt: " + API_KEY_ENV + " is missing");
        try {
            EthPrivateKey.of(privateKey);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("grvt: " + PRIVATE_KEY_ENV + " is malformed: " + e.getMessage());
        }
    }

    public static GrvtCredentials of(String tradingAccountId, String privateKey, String apiKey) {
        if (privateKey == null || privateKey.isBlank()) {
            throw new IllegalArgumentException("grvt: " + PRIVATE_KEY_ENV + " is missing");
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("grvt: " + API_KEY_ENV + " is missing");
        }
        return new GrvtCredentials(tradingAccountId, Secret.of(privateKey), Secret.of(apiKey));
    }

    /** The sub account id as a number (signed as uint64). */
    public long subAccountId() {
        return new java.math.BigInteger(tradingAccountId).longValue();
    }

    public String signerAddress() {
        return EthPrivateKey.of(privateKey).address();
    }

    @Override
    public String toString() {
        return "GrvtCredentials[tradingAccountId=" + tradingAccountId + ", signer=" + signerAddress()
                + ", privateKey=***, apiKey=***]";
    }
}
