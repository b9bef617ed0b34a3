package dev.perpflow.component.grvt.client;

import dev.perpflow.exchange.auth.Secret;
import dev.perpflow.exchange.crypto.EthPrivateKey;
import dev.perpflow.exchange.crypto.EthSignature;
import dev.perpflow.exchange.crypto.Keccak;
import dev.perpflow.exchange.crypto.TypedData;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GRVT's order signature ({@code grvt_raw_signing.py} of the official pysdk): EIP-712 over
 * {@code Order(uint64 subAccountID,bool isMarket,uint8 timeInForce,bool postOnly,bool reduceOnly,OrderLeg[] legs,
 * uint32 nonce,int64 expiration)} with {@code OrderLeg(uint256 assetID,uint64 contractSize,uint64 limitPrice,
 * bool isBuyingContract)}, under the domain {@code GRVT Exchange}, version {@code 0}, with the environment's chain id
 * and no verifying contract. A leg's {@code contractSize} is the size × 10^{@code base_decimals} and its
 * {@code limitPrice} the price × 10^9, both truncated (the pysdk's {@code int(Decimal(…) * …)}); {@code assetID} is
 * the instrument's {@code instrument_hash}.
 *
 * <p>EIP-712 encodes an array of structs as the keccak of its elements' struct hashes; exchange-crypto's
 * {@link TypedData} has no arrays, so {@code legs} is given to it as that 32-byte word under a {@code bytes32} view of
 * the type, and the real type hash (naming {@code OrderLeg[] legs}) is put in front. Prints the signer's address only.
 */
public final class GrvtSigner {

    /** The price multiplier of limit prices. */
    public static final BigDecimal PRICE_MULTIPLIER = BigDecimal.TEN.pow(9);

    private static final List<TypedData.Field> DOMAIN = List.of(new TypedData.Field("name", "string"),
            new TypedData.Field("version", "string"), new TypedData.Field("chainId", "uint256"));
    private static final List<TypedData.Field> LEG = List.of(new TypedData.Field("assetID", "uint256"),
            new TypedData.Field("contractSize", "uint64"), new TypedData.Field("limitPrice", "uint64"),
            new TypedData.Field("isBuyingContract", "bool"));
    private static final TypedData TYPES = new TypedData(Map.of(TypedData.DOMAIN_TYPE, DOMAIN, "OrderLeg", LEG,
            "Order", order("OrderLeg[]")));
    /** The same Order with {@code legs} as the 32-byte word it encodes to. */
    private static final TypedData ENCODED_LEGS = new TypedData(Map.of("Order", order("bytes32")));

    /** One leg as signed: the instrument's hash, its base decimals, the size and limit price as sent, the side. */
    public record Leg(String instrumentHash, int baseDecimals, BigDecimal size, BigDecimal limitPrice, boolean isBuying) {
    }

    /** The signed fields of an order. */
    public record OrderFields(long subAccountId, boolean isMarket, int timeInForce, boolean postOnly,
            boolean reduceOnly, List<Leg> legs, long nonce, long expiration) {
    }

    private final EthPrivateKey key;
    private final long chainId;

    private GrvtSigner(EthPrivateKey key, long chainId) {
        this.key = key;
        this.chainId = chainId;
    }

    public static GrvtSigner of(Secret privateKey, long chainId) {
        return new GrvtSigner(EthPrivateKey.of(privateKey), chainId);
    }

    /** The signer's address, sent as {@code signature.signer}. */
    public String address() {
        return key.address();
    }

    public long chainId() {
        return chainId;
    }

    public EthSignature sign(OrderFields order) {
        return key.sign(digest(order, chainId));
    }

    /** The EIP-712 digest of {@code order} in the domain of {@code chainId}. */
    public static byte[] digest(OrderFields order, long chainId) {
        Map<String, Object> domain = Map.of("name", "GRVT Exchange", "version", "0", "chainId",
                BigInteger.valueOf(chainId));
        return Keccak.hash(new byte[] {0x19, 0x01}, TYPES.domainSeparator(domain), hashOrder(order));
    }

    /** {@code hashStruct(Order)}. */
    static byte[] hashOrder(OrderFields order) {
        byte[][] legHashes = new byte[order.legs().size()][];
        for (int i = 0; i < legHashes.length; i++) {
            Leg leg = order.legs().get(i);
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("assetID", new BigInteger(hex(leg.instrumentHash()), 16));
            values.put("contractSize", contractSize(leg.size(), leg.baseDecimals()));
            values.put("limitPrice", limitPrice(leg.limitPrice()));
            values.put("isBuyingContract", leg.isBuying());
            legHashes[i] = TYPES.hashStruct("OrderLeg", values);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("subAccountID", BigInteger.valueOf(order.subAccountId()).and(UINT64));
        values.put("isMarket", order.isMarket());
        values.put("timeInForce", order.timeInForce());
        values.put("postOnly", order.postOnly());
        values.put("reduceOnly", order.reduceOnly());
        values.put("legs", Keccak.hash(legHashes));
        values.put("nonce", order.nonce());
        values.put("expiration", order.expiration());
        byte[] encoded = ENCODED_LEGS.encodeData("Order", values);
        System.arraycopy(TYPES.typeHash("Order"), 0, encoded, 0, 32);
        return Keccak.hash(encoded);
    }

    /** size × 10^baseDecimals, truncated. */
    public static BigInteger contractSize(BigDecimal size, int baseDecimals) {
        return size.movePointRight(baseDecimals).setScale(0, RoundingMode.DOWN).toBigIntegerExact();
    }

    /** price × 10^9, truncated; 0 for a market order. */
    public static BigInteger limitPrice(BigDecimal price) {
        return price == null ? BigInteger.ZERO
                : price.multiply(PRICE_MULTIPLIER).setScale(0, RoundingMode.DOWN).toBigIntegerExact();
    }

    private static final BigInteger UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private static List<TypedData.Field> order(String legsType) {
        return List.of(new TypedData.Field("subAccountID", "uint64"), new TypedData.Field("isMarket", "bool"),
                new TypedData.Field("timeInForce", "uint8"), new TypedData.Field("postOnly", "bool"),
                new TypedData.Field("reduceOnly", "bool"), new TypedData.Field("legs", legsType),
                new TypedData.Field("nonce", "uint32"), new TypedData.Field("expiration", "int64"));
    }

    private static String hex(String value) {
        return value.startsWith("0x") || value.startsWith("0X") ? value.substring(2) : value;
    }

    @Override
    public String toString() {
        return "GrvtSigner[" + key.address() + ", chain " + chainId + "]";
    }
}
