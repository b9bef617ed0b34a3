package dev.perpflow.exchange.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * perpflow's client order ids (strings) for venues whose client id is a number in {@code [1, max]}: the number is
 * derived from the string ({@link #venueId}: the first eight bytes of its SHA-256 reduced into the range, so the same
 * string always gives the same number, also after a restart) and this map remembers which string each number stands
 * for, to report venue orders and fills under the caller's id.
 *
 * <p>Collisions: two different strings mapping to the same number are refused before anything is sent
 * ({@link #claim} returns the other string); numbers never seen here (other processes, before a restart) are reported
 * as their decimal text. Thread-safe.
 */
public final class NumericClientIds {

    private final long max;
    private final Map<Long, String> byVenueId = new ConcurrentHashMap<>();

    /** Ids in {@code [1, max]}. */
    public NumericClientIds(long max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive, was " + max);
        }
        this.max = max;
    }

    /** The venue's number for {@code clientOrderId}. */
    public long venueId(String clientOrderId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(clientOrderId.getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (digest[i] & 0xFFL);
            }
            return Long.remainderUnsigned(value, max) + 1;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /**
     * Records {@code clientOrderId} under its number; returns the different id already holding that number, if any
     * (a collision: the caller must not send).
     */
    public Optional<String> claim(String clientOrderId) {
        String holder = byVenueId.putIfAbsent(venueId(clientOrderId), clientOrderId);
        return holder == null || holder.equals(clientOrderId) ? Optional.empty() : Optional.of(holder);
    }

    /** perpflow's id of a venue number: the claimed string, else the number's decimal text. */
    public String clientOrderId(long venueId) {
        return byVenueId.getOrDefault(venueId, Long.toString(venueId));
    }

    /** Whether this map has seen {@code venueId} (orders placed by this process since it started). */
    public boolean knows(long venueId) {
        return byVenueId.containsKey(venueId);
    }
}
