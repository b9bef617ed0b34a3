package dev.perpflow.component.hyperliquid;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hyperliquid's client order id ({@code cloid}) is 16 bytes written as {@code 0x} + 32 hex digits, perpflow's a
 * string. The cloid is derived from the string ({@link #cloid}: the first 16 bytes of its SHA-256, so the same string
 * always gives the same cloid, also after a restart, and orders can be queried and cancelled by it), and this client
 * remembers which string each cloid and each venue order id stand for, to report orders and fills under the caller's
 * id. A cloid or order id it never saw (another process, before a restart) is reported as the cloid itself, or
 * {@code hyperliquid-<oid>}; querying the order by its perpflow id teaches the mapping again.
 */
final class HyperliquidClientIds {

    private final Map<String, String> byCloid = new ConcurrentHashMap<>();
    private final Map<Long, String> byOid = new ConcurrentHashMap<>();

    static String cloid(String clientOrderId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(clientOrderId.getBytes(StandardCharsets.UTF_8));
            return "0x" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Records {@code clientOrderId} under its cloid; returns another id already holding that cloid (a collision). */
    Optional<String> claim(String clientOrderId) {
        String holder = byCloid.putIfAbsent(cloid(clientOrderId), clientOrderId);
        return holder == null || holder.equals(clientOrderId) ? Optional.empty() : Optional.of(holder);
    }

    void order(Long oid, String clientOrderId) {
        if (oid != null && clientOrderId != null) {
            byOid.put(oid, clientOrderId);
        }
    }

    /** Whether the perpflow id of an order seen with {@code cloid} and {@code oid} is known here. */
    boolean knows(String cloid, Long oid) {
        return (cloid != null && byCloid.containsKey(cloid.toLowerCase(java.util.Locale.ROOT)))
                || (oid != null && byOid.containsKey(oid));
    }

    /** The perpflow id of an order seen with {@code cloid} and {@code oid}. */
    String clientOrderId(String cloid, Long oid) {
        String known = cloid == null ? null : byCloid.get(cloid.toLowerCase(java.util.Locale.ROOT));
        if (known == null && oid != null) {
            known = byOid.get(oid);
        }
        if (known != null) {
            order(oid, known);
            return known;
        }
        return cloid != null ? cloid : oid == null ? null : "hyperliquid-" + oid;
    }
}
