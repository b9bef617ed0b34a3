package dev.perpflow.component.grvt.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perpflow.component.grvt.dto.GrvtError;
import dev.perpflow.exchange.error.AuthenticationException;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.error.InsufficientMarginException;
import dev.perpflow.exchange.error.MarketNotFoundException;
import dev.perpflow.exchange.error.OrderNotFoundException;
import dev.perpflow.exchange.error.OrderRejectedException;
import dev.perpflow.exchange.http.VenueErrorDecoder;
import dev.perpflow.exchange.http.VenueHttpClient;
import dev.perpflow.exchange.http.VenueRequest;
import dev.perpflow.exchange.http.VenueResponse;
import java.io.IOException;

/**
 * GRVT's error codes ({@code {"code", "message", "status"}}, the codes of its trading API docs) as typed errors:
 * <ul>
 * <li>1000 (not authenticated: the session cookie is missing or expired) → {@link SessionExpired}, after which the
 * client logs in again and retries once;</li>
 * <li>1001, 1008, 1400, 2000 (unauthorized signer), 2002 (signature does not match payload), 2003 (sub account not the
 * logged-in account's), 2004–2007 (malformed or expired-key signatures) → authentication;</li>
 * <li>1004 (data not found) → order not found; 2060, 2061, 3000 (inactive or unknown instrument) → market not found;
 * 2080 (insufficient margin) → insufficient margin;</li>
 * <li>2001 (signature expired) and any other code on an order → rejected (nothing placed); else a venue error.</li>
 * </ul>
 * 429 (1006, 2090) and 5xx are {@code VenueHttpClient}'s.
 */
public final class GrvtErrors implements VenueErrorDecoder {

    /** The session cookie was missing or expired (code 1000): log in again and retry. */
    public static final class SessionExpired extends AuthenticationException {
        private static final long serialVersionUID = 1L;

        SessionExpired(String venue, String message) {
            super(venue, message);
        }
    }

    private final String venue;
    private final ObjectMapper json;

    public GrvtErrors(String venue, ObjectMapper json) {
        this.venue = venue;
        this.json = json;
    }

    @Override
    public ExchangeException decode(VenueRequest request, VenueResponse response) {
        GrvtError error = null;
        try {
            error = json.readValue(response.body(), GrvtError.class);
        } catch (IOException | RuntimeException e) {
            // not GRVT's JSON (a gateway page): the HTTP status decides
        }
        int code = error == null || error.code() == null ? 0 : error.code();
        String message = error == null || error.message() == null ? VenueHttpClient.abbreviate(response.body())
                : error.message();
        String described = request.describe() + " failed: HTTP " + response.status() + " code " + code + " " + message;
        return switch (code) {
            case 1000 -> new SessionExpired(venue, described);
            case 1001, 1008, 1400, 2000, 2002, 2003, 2004, 2005, 2006, 2007, 1012 -> new AuthenticationException(venue,
                    described + " (check GRVT_TRADING_ACCOUNT_ID, GRVT_PRIVATE_KEY and GRVT_API_KEY, and the"
                            + " environment)");
            case 1004 -> new OrderNotFoundException(venue, request.clientOrderId() != null ? request.clientOrderId()
                    : described);
            case 2060, 2061, 3000 -> new MarketNotFoundException(venue, message);
            case 2080 -> new InsufficientMarginException(venue, request.clientOrderId(), message);
            default -> request.isOrderSubmit()
                    ? new OrderRejectedException(venue, request.clientOrderId(), "code " + code + " " + message
                            + (code == 2001 ? " (check the system clock)" : ""))
                    : response.status() == 401 || response.status() == 403
                            ? new AuthenticationException(venue, described) : new ExchangeException(venue, described);
        };
    }
}
