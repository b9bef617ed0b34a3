package dev.perpflow.component.hyperliquid.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;

/**
 * The msgpack bytes of an action, as the Python SDK's {@code msgpack.packb(action)} writes them and Hyperliquid hashes
 * them: maps in the order their keys were put (the venue's field order: {@code a,b,p,s,r,t,c} in an order wire,
 * {@code type,orders,grouping} in the action), strings as msgpack str, integers in the smallest form (unsigned for
 * non-negative values, as Python's packer does), booleans and nil. Prices and sizes are strings already in their
 * canonical form ({@link HyperliquidWire}); there are no floats.
 */
public final class HyperliquidMsgpack {

    private HyperliquidMsgpack() {
    }

    /** The msgpack encoding of {@code value} (a map, list, string, integer, boolean or null). */
    public static byte[] pack(Object value) {
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            write(packer, value);
            return packer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(MessagePacker packer, Object value) throws IOException {
        if (value == null) {
            packer.packNil();
        } else if (value instanceof String text) {
            packer.packString(text);
        } else if (value instanceof Boolean flag) {
            packer.packBoolean(flag);
        } else if (value instanceof Integer || value instanceof Long) {
            packer.packLong(((Number) value).longValue());
        } else if (value instanceof BigInteger big) {
            packer.packBigInteger(big);
        } else if (value instanceof Map<?, ?> map) {
            packer.packMapHeader(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                packer.packString((String) entry.getKey());
                write(packer, entry.getValue());
            }
        } else if (value instanceof List<?> list) {
            packer.packArrayHeader(list.size());
            for (Object item : list) {
                write(packer, item);
            }
        } else {
            throw new IllegalArgumentException("an action holds maps, lists, strings, integers and booleans, not "
                    + value.getClass().getSimpleName());
        }
    }
}
