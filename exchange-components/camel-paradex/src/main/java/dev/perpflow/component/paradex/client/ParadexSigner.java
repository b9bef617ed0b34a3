package dev.perpflow.component.paradex.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perpflow.component.paradex.ParadexCredentials;
import dev.perpflow.component.paradex.starknet.StarkCurve;
import dev.perpflow.component.paradex.starknet.StarknetTypedData;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Paradex's signatures, with the account's STARK key over SNIP-12 revision 0 typed data in the domain
 * {@code StarkNetDomain{name:"Paradex", chainId:<the chain id short string as a felt>, version:"1"}} (paradex-py's
 * {@code message/order.py} and {@code message/auth.py}):
 * <ul>
 *   <li>{@code Request{method, path, body, timestamp, expiration}} for {@code POST /auth} (seconds);</li>
 *   <li>{@code Order{timestamp (ms), market, side ("1" buy, "2" sell), orderType, size, price}} for every order,
 *       size and price as integers scaled by 10^8 (price 0 for market orders).</li>
 * </ul>
 * A signature is sent as {@code ["<r>","<s>"]} with decimal numbers. Prints no key.
 */
public final class ParadexSigner {

    /** Paraclear's decimals: sizes and prices are signed as integers of 10^-8. */
    static final int CHAIN_DECIMALS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BigInteger account;
    private final BigInteger privateKey;
    private final BigInteger publicKey;

    public ParadexSigner(ParadexCredentials credentials) {
        this.account = credentials.l2Address();
        this.privateKey = new BigInteger(strip(credentials.l2PrivateKey().reveal()), 16);
        this.publicKey = StarkCurve.publicKey(privateKey);
    }

    /** The public key of the signing key (x coordinate), {@code 0x} hex. */
    public String publicKeyHex() {
        return "0x" + publicKey.toString(16);
    }

    /** The typed data of an auth request (SNIP-12 revision 0). */
    public static ObjectNode authTypedData(String chainId, long timestamp, long expiration) {
        ObjectNode typed = base(chainId, "Request");
        ArrayNode members = ((ObjectNode) typed.get("types")).putArray("Request");
        for (String name : new String[] {"method", "path", "body", "timestamp", "expiration"}) {
            members.addObject().put("name", name).put("type", "felt");
        }
        typed.putObject("message").put("method", "POST").put("path", "/v1/auth").put("body", "")
                .put("timestamp", timestamp).put("expiration", expiration);
        return typed;
    }

    /** The typed data of an order (SNIP-12 revision 0); {@code price} null for a market order. */
    public static ObjectNode orderTypedData(String chainId, long signatureTimestamp, String market, boolean buy,
            String orderType, BigDecimal size, BigDecimal price) {
        ObjectNode typed = base(chainId, "Order");
        ArrayNode members = ((ObjectNode) typed.get("types")).putArray("Order");
        for (String name : new String[] {"timestamp", "market", "side", "orderType", "size", "price"}) {
            members.addObject().put("name", name).put("type", "felt");
        }
        typed.putObject("message").put("timestamp", Long.toString(signatureTimestamp)).put("market", market)
                .put("side", buy ? "1" : "2").put("orderType", orderType).put("size", chainDecimal(size))
                .put("price", price == null ? "0" : chainDecimal(price));
        return typed;
    }

    /** The signature of an auth request, as the {@code PARADEX-STARKNET-SIGNATURE} header. */
    public String signAuth(String chainId, long timestamp, long expiration) {
        return sign(authTypedData(chainId, timestamp, expiration));
    }

    /** The signature of an order, as its {@code signature} field. */
    public String signOrder(String chainId, long signatureTimestamp, String market, boolean buy, String orderType,
            BigDecimal size, BigDecimal price) {
        return sign(orderTypedData(chainId, signatureTimestamp, market, buy, orderType, size, price));
    }

    private String sign(ObjectNode typedData) {
        BigInteger hash = StarknetTypedData.of(typedData).messageHash(account);
        return StarkCurve.sign(privateKey, hash).toParadexJson();
    }

    /** {@code int(d × 10^8)}: what paradex-py's {@code chain_size}/{@code chain_price} sign (truncated). */
    static String chainDecimal(BigDecimal value) {
        return value.movePointRight(CHAIN_DECIMALS).setScale(0, java.math.RoundingMode.DOWN).toPlainString();
    }

    /** The domain's chain id: the short string (e.g. {@code PRIVATE_SN_PARACLEAR_MAINNET}) as {@code 0x} hex. */
    static String chainIdHex(String chainId) {
        if (chainId.startsWith("0x")) {
            return chainId;
        }
        return "0x" + StarkCurve.shortString(chainId).toString(16);
    }

    private static ObjectNode base(String chainId, String primaryType) {
        ObjectNode typed = JSON.createObjectNode();
        typed.putObject("domain").put("name", "Paradex").put("chainId", chainIdHex(chainId)).put("version", "1");
        typed.put("primaryType", primaryType);
        ArrayNode domain = typed.putObject("types").putArray("StarkNetDomain");
        domain.addObject().put("name", "name").put("type", "felt");
        domain.addObject().put("name", "chainId").put("type", "felt");
        domain.addObject().put("name", "version").put("type", "felt");
        return typed;
    }

    private static String strip(String hex) {
        return hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    }

    @Override
    public String toString() {
        return "ParadexSigner[account=0x" + account.toString(16) + ", key=***]";
    }
}
