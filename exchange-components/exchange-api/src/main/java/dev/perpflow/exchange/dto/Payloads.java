package dev.perpflow.exchange.dto;

import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.model.PriceLevel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks every venue's {@code <Venue>Adapters} apply to payload records: a field the model needs and the venue
 * left out is a venue error naming the field and the payload, never a {@code NullPointerException} or a silently
 * wrong value; times are converted from the wire unit the payload documents.
 */
public final class Payloads {

    private Payloads() {
    }

    /** {@code value}, which the model needs. */
    public static <T> T required(String venue, T value, String field, Object payload) {
        if (value == null || value instanceof String text && text.isEmpty()) {
            throw new ExchangeException(venue, "payload has no '" + field + "': " + abbreviate(payload));
        }
        return value;
    }

    /** A time sent in epoch milliseconds. */
    public static Instant millis(String venue, Long value, String field, Object payload) {
        return Instant.ofEpochMilli(required(venue, value, field, payload));
    }

    /** A time sent in epoch microseconds. */
    public static Instant micros(String venue, Long value, String field, Object payload) {
        long micros = required(venue, value, field, payload);
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /** An epoch-millisecond time when the venue sent a positive one, else {@code fallback}. */
    public static Instant millisOr(Long value, Instant fallback) {
        return value != null && value > 0 ? Instant.ofEpochMilli(value) : fallback;
    }

    /** {@code value}, or zero when the venue left it out. */
    public static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    /** {@code value}, or {@code null} when the venue wrote 0 for "none" (liquidation prices, average prices). */
    public static BigDecimal nonZero(BigDecimal value) {
        return value == null || value.signum() == 0 ? null : value;
    }

    /** {@code [price, quantity]} pairs as levels, in the order sent, at most {@code depth}. */
    public static List<PriceLevel> levels(String venue, List<List<BigDecimal>> pairs, int depth) {
        List<PriceLevel> levels = new ArrayList<>();
        for (List<BigDecimal> pair : pairs) {
            if (levels.size() == depth) {
                break;
            }
            if (pair == null || pair.size() < 2 || pair.get(0) == null || pair.get(1) == null) {
                throw new ExchangeException(venue, "book level is not [price, quantity]: " + pair);
            }
            levels.add(new PriceLevel(pair.get(0), pair.get(1)));
        }
        return levels;
    }

    /** A payload cut for messages. */
    public static String abbreviate(Object payload) {
        String text = String.valueOf(payload);
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
