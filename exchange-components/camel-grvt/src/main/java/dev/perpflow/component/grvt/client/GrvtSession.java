package dev.perpflow.component.grvt.client;

import dev.perpflow.exchange.error.AuthenticationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The logged-in session every trading call carries: {@code POST <auth host>/auth/api_key/login {"api_key"}} answers
 * with the {@code gravity} cookie (and its expiry) and the {@code X-Grvt-Account-Id} header. A session is reused until
 * 5 s before it expires (the pysdk's margin), then one login serves every caller waiting; a call refused with code
 * 1000 drops the session it used, so the next call logs in again.
 */
public final class GrvtSession {

    /** A session: the cookie value, when it expires, the account id header. */
    public record Cookie(String gravity, Instant expires, String accountId) {

        /** The headers a trading call or stream upgrade sends. */
        public Map<String, String> headers() {
            return accountId == null ? Map.of("Cookie", "gravity=" + gravity)
                    : Map.of("Cookie", "gravity=" + gravity, ACCOUNT_ID_HEADER, accountId);
        }

        @Override
        public String toString() {
            return "Cookie[gravity=***, expires=" + expires + ", accountId=" + accountId + "]";
        }
    }

    public static final String ACCOUNT_ID_HEADER = "X-Grvt-Account-Id";
    static final Duration REFRESH_MARGIN = Duration.ofSeconds(5);
    /** Assumed lifetime of a cookie sent without an expiry. */
    static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(30);

    private final Supplier<CompletableFuture<Cookie>> login;
    private final Clock clock;
    private Cookie current;
    private CompletableFuture<Cookie> pending;
    private int logins;

    GrvtSession(Supplier<CompletableFuture<Cookie>> login, Clock clock) {
        this.login = login;
        this.clock = clock;
    }

    /** The current session, logging in when there is none or it is about to expire. */
    public synchronized CompletableFuture<Cookie> get() {
        if (current != null && current.expires().minus(REFRESH_MARGIN).isAfter(clock.instant())) {
            return CompletableFuture.completedFuture(current);
        }
        if (pending == null) {
            logins++;
            CompletableFuture<Cookie> attempt = login.get();
            pending = attempt;
            attempt.whenComplete((cookie, failure) -> {
                synchronized (this) {
                    pending = null;
                    if (cookie != null) {
                        current = cookie;
                    }
                }
            });
        }
        return pending;
    }

    /** Forgets {@code used} (the venue refused it): the next call logs in again. */
    public synchronized void expired(Cookie used) {
        if (current != null && current.equals(used)) {
            current = null;
        }
    }

    /** How many logins were made (for tests and health). */
    public synchronized int logins() {
        return logins;
    }

    /** The session of a login answer's {@code Set-Cookie} and account id headers. */
    static Cookie parse(String venue, Optional<String> setCookie, Optional<String> accountId, Instant now) {
        String header = setCookie.orElseThrow(() -> new AuthenticationException(venue,
                "login answered without a session cookie (check GRVT_API_KEY)"));
        String value = null;
        Instant expires = null;
        for (String part : header.split(";")) {
            String[] pair = part.strip().split("=", 2);
            String name = pair[0].strip().toLowerCase(Locale.ROOT);
            String text = pair.length > 1 ? pair[1].strip() : "";
            if (name.equals("gravity")) {
                value = text;
            } else if (name.equals("expires") && expires == null) {
                try {
                    expires = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                } catch (DateTimeParseException e) {
                    expires = null;
                }
            } else if (name.equals("max-age")) {
                try {
                    expires = now.plusSeconds(Long.parseLong(text));
                } catch (NumberFormatException e) {
                    // keep the Expires attribute
                }
            }
        }
        if (value == null || value.isEmpty()) {
            throw new AuthenticationException(venue, "login answered without the gravity cookie (check GRVT_API_KEY)");
        }
        return new Cookie(value, expires == null ? now.plus(DEFAULT_LIFETIME) : expires, accountId.orElse(null));
    }
}
