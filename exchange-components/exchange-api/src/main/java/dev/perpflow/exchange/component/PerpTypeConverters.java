package dev.perpflow.exchange.component;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perpflow.exchange.model.Balance;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.FundingRate;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderBook;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderType;
import dev.perpflow.exchange.model.Position;
import dev.perpflow.exchange.model.PriceLevel;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Converter;

/**
 * Type converters that let a route speak to a venue component in plain data: a {@link Map} or a JSON object (text
 * or bytes) becomes an {@link OrderRequest}, and the model's results become {@link Map}s (a route marshals them to
 * JSON with camel-jackson). So a YAML route can place and cancel orders without a line of Java.
 *
 * <p>Order fields: {@code clientOrderId}, {@code symbol}, {@code side} ({@code BUY}/{@code SELL}), {@code quantity},
 * {@code price} (a limit order; none for a market order), {@code type} ({@code LIMIT}/{@code MARKET}, else from the
 * price), {@code timeInForce} ({@code GTC}, {@code IOC}, {@code POST_ONLY}; {@code postOnly: true} also works;
 * {@code GTC} by default for limits), {@code reduceOnly} and {@code critical} (booleans). Numbers may be JSON numbers
 * or decimal strings; both are read exactly. Snake case ({@code client_order_id}) is accepted too. A bad field is an
 * {@link IllegalArgumentException} naming it.
 *
 * <p>In result maps decimals stay {@link BigDecimal}, times become ISO-8601 text and enums their names.
 */
@Converter(generateLoader = true)
public final class PerpTypeConverters {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private PerpTypeConverters() {
    }

    @Converter
    public static OrderRequest toOrderRequest(Map<?, ?> fields) {
        Object price = field(fields, "price");
        OrderType type = field(fields, "type") != null ? OrderType.valueOf(upper(field(fields, "type")))
                : price == null ? OrderType.MARKET : OrderType.LIMIT;
        TimeInForce timeInForce = field(fields, "timeInForce") != null
                ? TimeInForce.valueOf(upper(field(fields, "timeInForce")).replace('-', '_'))
                : bool(fields, "postOnly") ? TimeInForce.POST_ONLY
                : type == OrderType.MARKET ? TimeInForce.IOC : TimeInForce.GTC;
        OrderRequest request = new OrderRequest(text(fields, "clientOrderId"), text(fields, "symbol"),
                Side.valueOf(upper(required(fields, "side"))), decimal(fields, "quantity"),
                price == null ? null : decimal(fields, "price"), type, timeInForce, bool(fields, "reduceOnly"));
        return bool(fields, "critical") ? request.asCritical() : request;
    }

    @Converter
    public static OrderRequest toOrderRequest(String json) {
        return toOrderRequest(readObject(json));
    }

    @Converter
    public static OrderRequest toOrderRequest(byte[] json) {
        return toOrderRequest(new String(json, StandardCharsets.UTF_8));
    }

    @Converter
    public static Map<String, Object> toMap(Order order) {
        return recordToMap(order);
    }

    @Converter
    public static Map<String, Object> toMap(Fill fill) {
        return recordToMap(fill);
    }

    @Converter
    public static Map<String, Object> toMap(Position position) {
        return recordToMap(position);
    }

    @Converter
    public static Map<String, Object> toMap(Balance balance) {
        return recordToMap(balance);
    }

    @Converter
    public static Map<String, Object> toMap(FundingRate rate) {
        return recordToMap(rate);
    }

    @Converter
    public static Map<String, Object> toMap(OrderBook book) {
        return recordToMap(book);
    }

    /** A model record's components by name; nested records and lists of them as maps and lists. */
    static Map<String, Object> recordToMap(Record record) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            try {
                map.put(component.getName(), plain(component.getAccessor().invoke(record)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(component + " is not readable", e);
            }
        }
        return map;
    }

    private static Object plain(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof TemporalAccessor) {
            return value.toString();
        }
        if (value instanceof PriceLevel level) {
            return List.of(level.price(), level.quantity());
        }
        if (value instanceof Record nested) {
            return recordToMap(nested);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PerpTypeConverters::plain).toList();
        }
        return value;
    }

    private static Map<String, Object> readObject(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /** A field by its name or its snake-case name. */
    private static Object field(Map<?, ?> fields, String name) {
        Object value = fields.get(name);
        if (value == null) {
            value = fields.get(name.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT));
        }
        return value instanceof String text && text.isBlank() ? null : value;
    }

    private static Object required(Map<?, ?> fields, String name) {
        Object value = field(fields, name);
        if (value == null) {
            throw new IllegalArgumentException("order field '" + name + "' is missing");
        }
        return value;
    }

    private static String text(Map<?, ?> fields, String name) {
        return required(fields, name).toString();
    }

    private static String upper(Object value) {
        return value.toString().trim().toUpperCase(Locale.ROOT);
    }

    private static BigDecimal decimal(Map<?, ?> fields, String name) {
        Object value = required(fields, name);
        try {
            return value instanceof BigDecimal exact ? exact : new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("order field '" + name + "' is not a number: " + value);
        }
    }

    private static boolean bool(Map<?, ?> fields, String name) {
        Object value = field(fields, name);
        return value != null && Boolean.parseBoolean(value.toString().trim());
    }
}
