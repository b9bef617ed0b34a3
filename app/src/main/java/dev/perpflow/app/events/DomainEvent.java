package dev.perpflow.app.events;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Something that happened, as perpflow tells it to routes, Telegram and the live feed: a type from
 * {@link EventTypes}, a level, when it happened, the account and run it belongs to (either may be absent: market data
 * belongs to nobody) and a JSON payload. docs/EVENTS.md lists every type and its payload.
 */
public record DomainEvent(String type, Level level, Instant time, String account, String runId,
        Map<String, Object> payload) {

    /** How much attention an event asks for; notifications filter on it. */
    public enum Level {
        INFO, WARNING, ERROR;

        /** The level as stored and published: {@code info}, {@code warning}, {@code error}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** A level from its code or name ({@code warning}, {@code WARNING}). */
        public static Level of(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    public DomainEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(time, "time");
        // a copy that keeps the order and allows null values (a payload field may be unknown)
        payload = payload == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(payload));
    }

    /** An event of nobody's account, e.g. market data. */
    public static DomainEvent of(String type, Level level, Instant time, Map<String, ?> payload) {
        return new DomainEvent(type, level, time, null, null, copy(payload));
    }

    public DomainEvent withAccount(String account) {
        return new DomainEvent(type, level, time, account, runId, payload);
    }

    public DomainEvent withRun(String runId) {
        return new DomainEvent(type, level, time, account, runId, payload);
    }

    private static Map<String, Object> copy(Map<String, ?> payload) {
        return payload == null ? Map.of() : new LinkedHashMap<>(payload);
    }
}
