package dev.perpflow.component.backpack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Backpack's {@code clientId} is an unsigned 32-bit number, perpflow's client order id a string. The venue id is
 * derived from the string ({@link #venueId}: the first four bytes of its SHA-256, so the same string always gives the
 * same number, also after a restart) and this client remembers which string each number stands for, to report
 * venue orders and fills under the caller's id.
 *
 * <p>Collisions: two different strings of one client mapping to the same number are refused before anything is
 * sent ({@link #claim} returns the other string); numbers this client never saw (other processes, before a restart)
 * are reported as their decimal text.
 */
final class BackpackClientIds {

    private final Map<Long, String> byVenueId = new ConcurrentHashMap<>();

    /** The u32 Backpack {@code clientId} of a perpflow client order id. */
    static long venueId(String clientOrderId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(clientOrderId.getBytes(StandardCharsets.UTF_8));
            return ((digest[0] & 0xFFL) << 24) | ((digest[1] & 0xFFL) << 16) | ((digest[2] & 0xFFL) << 8)
                    | (digest[3] & 0xFFL);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /**
     * Records {@code clientOrderId} under its venue id; returns the different id already holding that number, if
     * any (a collision: the caller must not send).
     */
    Optional<String> claim(String clientOrderId) {
        String holder = byVenueId.putIfAbsent(venueId(clientOrderId), clientOrderId);
        return holder == null || holder.equals(clientOrderId) ? Optional.empty() : Optional.of(holder);
    }

    /** The perpflow id of a venue {@code clientId}, its decimal text when unknown, or {@code null} without one. */
    String clientOrderId(Long venueId, String fallbackOrderId) {
        if (venueId == null) {
            return fallbackOrderId == null ? null : "backpack-" + fallbackOrderId;
        }
        return byVenueId.getOrDefault(venueId, Long.toString(venueId));
    }
}
