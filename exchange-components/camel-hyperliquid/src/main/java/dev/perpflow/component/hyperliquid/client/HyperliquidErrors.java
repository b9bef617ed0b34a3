package dev.perpflow.component.hyperliquid.client;

import dev.perpflow.exchange.error.AuthenticationException;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.error.InsufficientMarginException;
import dev.perpflow.exchange.error.OrderNotFoundException;
import dev.perpflow.exchange.error.OrderRejectedException;
import dev.perpflow.exchange.error.RateLimitedException;
import dev.perpflow.exchange.http.VenueErrorDecoder;
import dev.perpflow.exchange.http.VenueHttpClient;
import dev.perpflow.exchange.http.VenueRequest;
import dev.perpflow.exchange.http.VenueResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * Hyperliquid's errors as typed errors. The venue has no error codes: a rejected request is usually HTTP 200 with
 * {@code {"status":"err","response":"<text>"}}, and an order or cancel of a batch fails with {@code {"error":"<text>"}}
 * in its status; the texts decide:
 * <ul>
 * <li>"User or API Wallet … does not exist" — the signature recovered to an address that is not the account nor one
 * of its API wallets (a wrong key, or a payload signed differently from what was sent) → authentication;</li>
 * <li>"Too many cumulative requests …" (the per-address budget, one request per 1 USDC traded) → rate limited;</li>
 * <li>"Insufficient margin …" → insufficient margin;</li>
 * <li>"Order was never placed, already canceled, or filled" (a cancel) → order not found;</li>
 * <li>any other text on an order → rejected (nothing placed), else a venue error.</li>
 * </ul>
 * Non-2xx answers other than 429 and 5xx (which {@code VenueHttpClient} maps) are rejections of the request body.
 */
public final class HyperliquidErrors implements VenueErrorDecoder {

    /** How long to hold off after the per-address limit: the venue then allows one request per 10 s. */
    static final Duration ADDRESS_LIMIT_WAIT = Duration.ofSeconds(10);

    private final String venue;

    public HyperliquidErrors(String venue) {
        this.venue = venue;
    }

    @Override
    public ExchangeException decode(VenueRequest request, VenueResponse response) {
        String text = VenueHttpClient.abbreviate(response.body());
        if (response.status() == 401 || response.status() == 403) {
            return new AuthenticationException(venue, request.describe() + " refused: HTTP " + response.status() + " "
                    + text);
        }
        return fromText(request.clientOrderId(), request.describe() + " failed: HTTP " + response.status() + " "
                + text, text);
    }

    /** The typed error of an error {@code text} the venue sent for {@code clientOrderId} (null: not an order). */
    public ExchangeException fromText(String clientOrderId, String described, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("does not exist")) {
            return new AuthenticationException(venue, described + " (the signing key is neither the account's nor an"
                    + " API wallet it approved, or the payload was signed differently from what was sent)");
        }
        if (lower.contains("too many cumulative requests") || lower.contains("rate limit")) {
            return new RateLimitedException(venue, ADDRESS_LIMIT_WAIT);
        }
        if (lower.contains("insufficient margin")) {
            return new InsufficientMarginException(venue, clientOrderId, text);
        }
        if (lower.contains("never placed, already canceled, or filled")) {
            return new OrderNotFoundException(venue, clientOrderId == null ? "?" : clientOrderId);
        }
        return clientOrderId != null ? new OrderRejectedException(venue, clientOrderId, text)
                : new ExchangeException(venue, described);
    }
}
