package dev.perpflow.component.lighter.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perpflow.component.lighter.LighterCredentials;
import dev.perpflow.lighter.signer.LighterAuthToken;
import dev.perpflow.lighter.signer.LighterTx;
import java.time.Instant;
import java.util.Base64;

/**
 * Lighter's signatures over what is sent: a transaction's {@code tx_info} is the JSON of its fields in the venue's
 * order (lighter-go's {@code L2*TxInfo} as {@code encoding/json} writes them) with {@code Sig}, the base64 Schnorr
 * signature of the transaction hash for this client's chain id; private reads and streams carry an auth token.
 * Primitives are {@code lighter-signer}'s; nothing here prints a key.
 */
public final class LighterSigner {

    private final LighterCredentials credentials;
    private final long chainId;
    private final ObjectMapper json;

    public LighterSigner(LighterCredentials credentials, long chainId, ObjectMapper json) {
        this.credentials = credentials;
        this.chainId = chainId;
        this.json = json;
    }

    public long accountIndex() {
        return credentials.accountIndex();
    }

    public int apiKeyIndex() {
        return credentials.apiKeyIndex();
    }

    /** The signed {@code tx_info} of {@code tx}. */
    public String txInfo(LighterTx tx) {
        byte[] signature = credentials.key().sign(tx.hash(chainId)).toBytes();
        return txJson(json, tx, Base64.getEncoder().encodeToString(signature));
    }

    /** An auth token valid until {@code deadline} (whole seconds). */
    public String authToken(Instant deadline) {
        return LighterAuthToken.create(credentials.key(), deadline.getEpochSecond(), credentials.accountIndex(),
                credentials.apiKeyIndex());
    }

    /** The JSON of a transaction, fields in the venue's order, with its base64 signature. */
    static String txJson(ObjectMapper json, LighterTx tx, String signature) {
        ObjectNode node = json.createObjectNode().put("AccountIndex", tx.accountIndex())
                .put("ApiKeyIndex", tx.apiKeyIndex());
        if (tx instanceof LighterTx.CreateOrder o) {
            node.put("MarketIndex", o.marketIndex()).put("ClientOrderIndex", o.clientOrderIndex())
                    .put("BaseAmount", o.baseAmount()).put("Price", o.price()).put("IsAsk", o.isAsk())
                    .put("Type", o.orderType()).put("TimeInForce", o.timeInForce()).put("ReduceOnly", o.reduceOnly())
                    .put("TriggerPrice", o.triggerPrice()).put("OrderExpiry", o.orderExpiry());
        } else if (tx instanceof LighterTx.CancelOrder c) {
            node.put("MarketIndex", c.marketIndex()).put("Index", c.index());
        } else if (tx instanceof LighterTx.CancelAllOrders a) {
            node.put("TimeInForce", a.timeInForce()).put("Time", a.time());
        } else if (tx instanceof LighterTx.ModifyOrder m) {
            node.put("MarketIndex", m.marketIndex()).put("Index", m.index()).put("BaseAmount", m.baseAmount())
                    .put("Price", m.price()).put("TriggerPrice", m.triggerPrice());
        } else if (tx instanceof LighterTx.UpdateLeverage l) {
            node.put("MarketIndex", l.marketIndex()).put("InitialMarginFraction", l.initialMarginFraction())
                    .put("MarginMode", l.marginMode());
        }
        return node.put("ExpiredAt", tx.expiredAt()).put("Nonce", tx.nonce()).put("Sig", signature).toString();
    }

    @Override
    public String toString() {
        return "LighterSigner[" + credentials + ", chainId=" + chainId + "]";
    }
}
