package dev.perpflow.component.hyperliquid.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The L1 actions perpflow sends, built as ordered maps whose key order is the one Hyperliquid hashes (the SDK's
 * {@code order_request_to_order_wire}, {@code order_wires_to_order_action} and {@code Exchange} methods): the same
 * map is written as the JSON body and packed as msgpack for the signature, so the two never disagree.
 */
public final class HyperliquidActions {

    /** Time in force of a limit order: good till cancelled, immediate or cancel, add liquidity only (post-only). */
    public enum Tif { Gtc, Ioc, Alo }

    private HyperliquidActions() {
    }

    /** One order: {@code a, b, p, s, r, t} and {@code c} (the cloid) when given; prices and sizes as wire strings. */
    public static Map<String, Object> orderWire(int asset, boolean isBuy, String price, String size,
            boolean reduceOnly, Map<String, Object> orderType, String cloid) {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("a", asset);
        wire.put("b", isBuy);
        wire.put("p", price);
        wire.put("s", size);
        wire.put("r", reduceOnly);
        wire.put("t", orderType);
        if (cloid != null) {
            wire.put("c", cloid);
        }
        return wire;
    }

    /** {@code {"limit": {"tif": …}}}. */
    public static Map<String, Object> limit(Tif tif) {
        return Map.of("limit", Map.of("tif", tif.name()));
    }

    /** {@code {"trigger": {"isMarket", "triggerPx", "tpsl"}}} (trigger orders; perpflow sends none, the vectors do). */
    public static Map<String, Object> trigger(boolean isMarket, String triggerPx, String tpsl) {
        Map<String, Object> trigger = new LinkedHashMap<>();
        trigger.put("isMarket", isMarket);
        trigger.put("triggerPx", triggerPx);
        trigger.put("tpsl", tpsl);
        return Map.of("trigger", trigger);
    }

    /** {@code {"type": "order", "orders": […], "grouping": "na"}}. */
    public static Map<String, Object> order(List<Map<String, Object>> orders) {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("type", "order");
        action.put("orders", orders);
        action.put("grouping", "na");
        return action;
    }

    /** {@code {"type": "cancel", "cancels": [{"a", "o"}]}}: by the venue's order id. */
    public static Map<String, Object> cancel(int asset, long oid) {
        Map<String, Object> cancel = new LinkedHashMap<>();
        cancel.put("a", asset);
        cancel.put("o", oid);
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("type", "cancel");
        action.put("cancels", List.of(cancel));
        return action;
    }

    /** {@code {"type": "cancelByCloid", "cancels": [{"asset", "cloid"}]}}: by the client order id. */
    public static Map<String, Object> cancelByCloid(int asset, String cloid) {
        Map<String, Object> cancel = new LinkedHashMap<>();
        cancel.put("asset", asset);
        cancel.put("cloid", cloid);
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("type", "cancelByCloid");
        action.put("cancels", List.of(cancel));
        return action;
    }

    /** {@code {"type": "updateLeverage", "asset", "isCross", "leverage"}}. */
    public static Map<String, Object> updateLeverage(int asset, boolean isCross, int leverage) {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("type", "updateLeverage");
        action.put("asset", asset);
        action.put("isCross", isCross);
        action.put("leverage", leverage);
        return action;
    }
}
