package dev.perpflow.lighter.signer;

/**
 * The Lighter L2 transactions perpflow signs, each with the fields the venue hashes, in the order it hashes them:
 * chain id, transaction type, nonce, expiry, account index, API key index, then the transaction's own fields
 * (lighter-go {@code types/txtypes}, {@code Hash}). The hash is Poseidon2 to GF(p^5); with no L2 transaction
 * attributes (perpflow sets none) it is the message the API key signs. Integers are taken as the venue's integer
 * fields are: prices and amounts already scaled by the market's decimals.
 */
public sealed interface LighterTx permits LighterTx.CreateOrder, LighterTx.CancelOrder, LighterTx.CancelAllOrders,
        LighterTx.ModifyOrder, LighterTx.UpdateLeverage {

    /** Lighter mainnet's chain id in signed transactions. */
    long MAINNET_CHAIN_ID = 304;
    /** Lighter testnet's chain id. */
    long TESTNET_CHAIN_ID = 300;

    int TYPE_CREATE_ORDER = 14;
    int TYPE_CANCEL_ORDER = 15;
    int TYPE_CANCEL_ALL_ORDERS = 16;
    int TYPE_MODIFY_ORDER = 17;
    int TYPE_UPDATE_LEVERAGE = 20;
    /** Initial margin fractions are in ten-thousandths: leverage L is 10000 / L. */
    int MARGIN_FRACTION_TICK = 10_000;
    int CROSS_MARGIN = 0;

    /** Order types. */
    int ORDER_TYPE_LIMIT = 0;
    int ORDER_TYPE_MARKET = 1;
    /** Time in force. */
    int IMMEDIATE_OR_CANCEL = 0;
    int GOOD_TILL_TIME = 1;
    int POST_ONLY = 2;
    /** The largest client order index the venue accepts (2^48 - 1); 0 means "none". */
    long MAX_CLIENT_ORDER_INDEX = (1L << 48) - 1;

    int txType();

    long accountIndex();

    int apiKeyIndex();

    long nonce();

    /** Milliseconds since the epoch after which the venue refuses the transaction. */
    long expiredAt();

    /** The field elements hashed after the common prefix. */
    long[] ownFields();

    /** The message the API key signs, for {@code chainId}. */
    default Fp5 hash(long chainId) {
        long[] own = ownFields();
        long[] elements = new long[6 + own.length];
        elements[0] = chainId;
        elements[1] = txType();
        elements[2] = nonce();
        elements[3] = expiredAt();
        elements[4] = accountIndex();
        elements[5] = apiKeyIndex();
        System.arraycopy(own, 0, elements, 6, own.length);
        return Poseidon2.hashToQuinticExtension(elements);
    }

    /**
     * CreateOrder (14): market, client order index, base amount, price, is-ask (0/1), order type, time in force,
     * reduce-only (0/1), trigger price, order expiry (ms; 0 for IOC).
     */
    record CreateOrder(long accountIndex, int apiKeyIndex, int marketIndex, long clientOrderIndex, long baseAmount,
            long price, int isAsk, int orderType, int timeInForce, int reduceOnly, long triggerPrice, long orderExpiry,
            long expiredAt, long nonce) implements LighterTx {

        @Override
        public int txType() {
            return TYPE_CREATE_ORDER;
        }

        @Override
        public long[] ownFields() {
            return new long[] {marketIndex, clientOrderIndex, baseAmount, price, isAsk, orderType, timeInForce,
                reduceOnly, triggerPrice, orderExpiry};
        }
    }

    /** CancelOrder (15): market and the order's index (its client order index or the venue's order index). */
    record CancelOrder(long accountIndex, int apiKeyIndex, int marketIndex, long index, long expiredAt, long nonce)
            implements LighterTx {

        @Override
        public int txType() {
            return TYPE_CANCEL_ORDER;
        }

        @Override
        public long[] ownFields() {
            return new long[] {marketIndex, index};
        }
    }

    /** CancelAllOrders (16): time in force (0 immediate, 1 scheduled, 2 abort scheduled) and time. */
    record CancelAllOrders(long accountIndex, int apiKeyIndex, int timeInForce, long time, long expiredAt, long nonce)
            implements LighterTx {

        @Override
        public int txType() {
            return TYPE_CANCEL_ALL_ORDERS;
        }

        @Override
        public long[] ownFields() {
            return new long[] {timeInForce, time};
        }
    }

    /** ModifyOrder (17): market, order index, new base amount, new price, new trigger price. */
    record ModifyOrder(long accountIndex, int apiKeyIndex, int marketIndex, long index, long baseAmount, long price,
            long triggerPrice, long expiredAt, long nonce) implements LighterTx {

        @Override
        public int txType() {
            return TYPE_MODIFY_ORDER;
        }

        @Override
        public long[] ownFields() {
            return new long[] {marketIndex, index, baseAmount, price, triggerPrice};
        }
    }

    /** UpdateLeverage (20): market, initial margin fraction (ten-thousandths), margin mode (0 cross, 1 isolated). */
    record UpdateLeverage(long accountIndex, int apiKeyIndex, int marketIndex, int initialMarginFraction,
            int marginMode, long expiredAt, long nonce) implements LighterTx {

        @Override
        public int txType() {
            return TYPE_UPDATE_LEVERAGE;
        }

        @Override
        public long[] ownFields() {
            return new long[] {marketIndex, initialMarginFraction, marginMode};
        }
    }
}
