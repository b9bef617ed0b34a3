package dev.perpflow.testkit.lighter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.lighter.signer.Fp5;
import dev.perpflow.lighter.signer.LighterAuthToken;
import dev.perpflow.lighter.signer.LighterTx;
import dev.perpflow.lighter.signer.Schnorr;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What the fake checks as Lighter does: a transaction's {@code tx_info} read field by field (the venue's names) into
 * the transaction it hashes, its API key registered for its account, its expiry, its Schnorr signature over the hash
 * for chain 304 verified with the registered public key, and its nonce the key's next one (consumed when accepted);
 * an auth token's account, key, deadline (at most 8 hours ahead) and signature. Refusals carry Lighter's codes.
 */
final class LighterFakeAuth {

    /** A refused request: HTTP status, Lighter code and message. */
    static final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;
        final int status;
        final int code;

        Refused(int status, int code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    static final int INVALID_NONCE = 21104;
    static final int INVALID_SIGNATURE = 21120;
    static final int INVALID_PUBLIC_KEY = 21108;
    static final int INVALID_AUTH = 20013;
    static final int EXPIRED = 21116;

    private final long chainId;
    private final LongSupplier nowMillis;
    private final Map<String, Fp5> keys = new ConcurrentHashMap<>();
    private final Map<String, Long> nonces = new ConcurrentHashMap<>();

    LighterFakeAuth(long chainId, LongSupplier nowMillis) {
        this.chainId = chainId;
        this.nowMillis = nowMillis;
    }

    /** Registers {@code publicKey} for the account's key index (the venue's ChangePubKey), nonce from 0. */
    void register(long account, int apiKeyIndex, Fp5 publicKey) {
        keys.put(key(account, apiKeyIndex), publicKey);
        nonces.putIfAbsent(key(account, apiKeyIndex), 0L);
    }

    Fp5 publicKey(long account, int apiKeyIndex) {
        return keys.get(key(account, apiKeyIndex));
    }

    synchronized long nextNonce(long account, int apiKeyIndex) {
        return nonces.getOrDefault(key(account, apiKeyIndex), 0L);
    }

    /** Reads, checks and (when everything holds) consumes the nonce of a signed transaction. */
    synchronized LighterTx accept(int txType, JsonNode info) {
        LighterTx tx = read(txType, info);
        Fp5 publicKey = keys.get(key(tx.accountIndex(), tx.apiKeyIndex()));
        if (publicKey == null) {
            throw new Refused(400, INVALID_PUBLIC_KEY, "invalid PublicKey, please run changePubKey");
        }
        if (tx.expiredAt() <= nowMillis.getAsLong()) {
            throw new Refused(400, EXPIRED, "transaction expired");
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(text(info, "Sig"));
        } catch (IllegalArgumentException e) {
            throw new Refused(400, INVALID_SIGNATURE, "invalid signature");
        }
        if (signature.length != Schnorr.Signature.BYTES
                || !Schnorr.verify(publicKey, tx.hash(chainId), Schnorr.Signature.fromBytes(signature))) {
            throw new Refused(400, INVALID_SIGNATURE, "invalid signature");
        }
        long expected = nonces.getOrDefault(key(tx.accountIndex(), tx.apiKeyIndex()), 0L);
        if (tx.nonce() != expected) {
            throw new Refused(400, INVALID_NONCE, "invalid nonce");
        }
        nonces.put(key(tx.accountIndex(), tx.apiKeyIndex()), expected + 1);
        return tx;
    }

    /** The account of a valid auth token (from a header or the {@code auth} parameter). */
    long verifyToken(String token) {
        LighterAuthToken.Parsed parsed = LighterAuthToken.parse(token)
                .orElseThrow(() -> new Refused(400, INVALID_AUTH, "invalid auth"));
        Fp5 publicKey = keys.get(key(parsed.accountIndex(), parsed.apiKeyIndex()));
        long now = nowMillis.getAsLong() / 1000;
        if (publicKey == null || parsed.deadline() < now
                || parsed.deadline() > now + LighterAuthToken.MAX_VALIDITY_SECONDS + 60
                || !LighterAuthToken.verify(parsed, publicKey)) {
            throw new Refused(400, INVALID_AUTH, "invalid auth");
        }
        return parsed.accountIndex();
    }

    private static LighterTx read(int txType, JsonNode info) {
        long account = number(info, "AccountIndex");
        int apiKey = (int) number(info, "ApiKeyIndex");
        long expiredAt = number(info, "ExpiredAt");
        long nonce = number(info, "Nonce");
        return switch (txType) {
            case LighterTx.TYPE_CREATE_ORDER -> new LighterTx.CreateOrder(account, apiKey,
                    (int) number(info, "MarketIndex"), number(info, "ClientOrderIndex"), number(info, "BaseAmount"),
                    number(info, "Price"), (int) number(info, "IsAsk"), (int) number(info, "Type"),
                    (int) number(info, "TimeInForce"), (int) number(info, "ReduceOnly"), number(info, "TriggerPrice"),
                    number(info, "OrderExpiry"), expiredAt, nonce);
            case LighterTx.TYPE_CANCEL_ORDER -> new LighterTx.CancelOrder(account, apiKey,
                    (int) number(info, "MarketIndex"), number(info, "Index"), expiredAt, nonce);
            case LighterTx.TYPE_CANCEL_ALL_ORDERS -> new LighterTx.CancelAllOrders(account, apiKey,
                    (int) number(info, "TimeInForce"), number(info, "Time"), expiredAt, nonce);
            case LighterTx.TYPE_MODIFY_ORDER -> new LighterTx.ModifyOrder(account, apiKey,
                    (int) number(info, "MarketIndex"), number(info, "Index"), number(info, "BaseAmount"),
                    number(info, "Price"), number(info, "TriggerPrice"), expiredAt, nonce);
            case LighterTx.TYPE_UPDATE_LEVERAGE -> new LighterTx.UpdateLeverage(account, apiKey,
                    (int) number(info, "MarketIndex"), (int) number(info, "InitialMarginFraction"),
                    (int) number(info, "MarginMode"), expiredAt, nonce);
            default -> throw new Refused(400, 21500, "invalid tx type " + txType);
        };
    }

    private static long number(JsonNode info, String field) {
        JsonNode value = info.get(field);
        if (value == null || !value.canConvertToLong()) {
            throw new Refused(400, 21501, "invalid tx info: " + field);
        }
        return value.asLong();
    }

    private static String text(JsonNode info, String field) {
        JsonNode value = info.get(field);
        if (value == null || !value.isTextual()) {
            throw new Refused(400, INVALID_SIGNATURE, "invalid signature");
        }
        return value.asText();
    }

    private static String key(long account, int apiKeyIndex) {
        return account + "/" + apiKeyIndex;
    }
}
