package dev.perpflow.testkit.grvt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.testkit.Eip712Recovery;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The fake GRVT's check of an order signature, as the venue re-derives it from the order received: the EIP-712
 * {@code Order} with its {@code OrderLeg[]} (each leg's struct hash, the array as the keccak of them), in the
 * {@code GRVT Exchange} v0 domain of the environment's chain id, with sizes × 10^base_decimals and prices × 10^9
 * truncated; the signer is recovered from {@code r, s, v}. Written on the testkit's own EIP-712 pieces, sharing no code
 * with the client.
 */
final class GrvtFakeSignature {

    private static final byte[] LEG_TYPE = Eip712Recovery.typeHash(
            "OrderLeg(uint256 assetID,uint64 contractSize,uint64 limitPrice,bool isBuyingContract)");
    private static final byte[] ORDER_TYPE = Eip712Recovery.typeHash("Order(uint64 subAccountID,bool isMarket,"
            + "uint8 timeInForce,bool postOnly,bool reduceOnly,OrderLeg[] legs,uint32 nonce,int64 expiration)"
            + "OrderLeg(uint256 assetID,uint64 contractSize,uint64 limitPrice,bool isBuyingContract)");

    private GrvtFakeSignature() {
    }

    /** The lower-case address that signed {@code order} for {@code chainId}, if the signature is well formed. */
    static Optional<String> signer(JsonNode order, long chainId, Instruments instruments) {
        JsonNode signature = order.path("signature");
        byte[] domain = Eip712Recovery.keccak(Eip712Recovery.concat(
                Eip712Recovery.typeHash("EIP712Domain(string name,string version,uint256 chainId)"),
                Eip712Recovery.string("GRVT Exchange"), Eip712Recovery.string("0"),
                Eip712Recovery.word(BigInteger.valueOf(chainId))));
        byte[][] legs = new byte[order.path("legs").size()][];
        int i = 0;
        for (JsonNode leg : order.path("legs")) {
            Instruments.Meta meta = instruments.meta(leg.path("instrument").asText());
            if (meta == null) {
                return Optional.empty();
            }
            BigDecimal size = new BigDecimal(leg.path("size").asText("0"));
            BigDecimal price = leg.hasNonNull("limit_price") ? new BigDecimal(leg.get("limit_price").asText())
                    : BigDecimal.ZERO;
            legs[i++] = Eip712Recovery.keccak(Eip712Recovery.concat(LEG_TYPE,
                    Eip712Recovery.word(new BigInteger(meta.hash().substring(2), 16)),
                    Eip712Recovery.word(size.movePointRight(meta.baseDecimals()).setScale(0, RoundingMode.DOWN)
                            .toBigInteger()),
                    Eip712Recovery.word(price.movePointRight(9).setScale(0, RoundingMode.DOWN).toBigInteger()),
                    bool(leg.path("is_buying_asset").asBoolean())));
        }
        int timeInForce = switch (order.path("time_in_force").asText()) {
            case "GOOD_TILL_TIME" -> 1;
            case "ALL_OR_NONE" -> 2;
            case "IMMEDIATE_OR_CANCEL" -> 3;
            case "FILL_OR_KILL" -> 4;
            default -> 0;
        };
        byte[] struct = Eip712Recovery.keccak(Eip712Recovery.concat(ORDER_TYPE,
                Eip712Recovery.word(new BigInteger(order.path("sub_account_id").asText("0"))),
                bool(order.path("is_market").asBoolean()), Eip712Recovery.word(BigInteger.valueOf(timeInForce)),
                bool(order.path("post_only").asBoolean()), bool(order.path("reduce_only").asBoolean()),
                Eip712Recovery.keccak(Eip712Recovery.concat(legs)),
                Eip712Recovery.word(BigInteger.valueOf(signature.path("nonce").asLong())),
                Eip712Recovery.word(new BigInteger(signature.path("expiration").asText("0")))));
        try {
            return Eip712Recovery.recoverAddress(Eip712Recovery.digest(domain, struct),
                    hex(signature.path("r").asText()), hex(signature.path("s").asText()), signature.path("v").asInt());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static BigInteger hex(String value) {
        return new BigInteger(value.startsWith("0x") ? value.substring(2) : value, 16);
    }

    private static byte[] bool(boolean value) {
        return Eip712Recovery.word(value ? BigInteger.ONE : BigInteger.ZERO);
    }

    /** The instrument hash and base decimals the venue signs an instrument's legs with. */
    interface Instruments {
        record Meta(String hash, int baseDecimals) {
        }

        Meta meta(String instrument);
    }
}
