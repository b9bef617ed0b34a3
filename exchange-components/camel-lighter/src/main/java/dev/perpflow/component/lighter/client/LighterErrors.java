package dev.perpflow.component.lighter.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perpflow.component.lighter.LighterCredentials;
import dev.perpflow.exchange.error.AuthenticationException;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.error.InsufficientMarginException;
import dev.perpflow.exchange.error.MarketNotFoundException;
import dev.perpflow.exchange.error.OrderNotFoundException;
import dev.perpflow.exchange.error.OrderRejectedException;
import dev.perpflow.exchange.error.RateLimitedException;
import dev.perpflow.exchange.error.VenueUnavailableException;
import dev.perpflow.exchange.http.VenueErrorDecoder;
import dev.perpflow.exchange.http.VenueHttpClient;
import dev.perpflow.exchange.http.VenueRequest;
import dev.perpflow.exchange.http.VenueResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

/**
 * Lighter's error answers as typed errors. The body is {@code {"code":21104,"message":"invalid nonce"}}; the codes
 * named here are those of Lighter's troubleshooting page (21104 invalid nonce, 21105 batch nonces not consecutive,
 * 21108 invalid public key), the rest is read from the message. A refused transaction is a rejection (nothing
 * happened); a refused nonce is also a {@link NonceRejected}, so the client resyncs its nonce. Anything unmapped on a
 * {@code sendTx} is a rejection, elsewhere a plain venue error with Lighter's code and message.
 */
public final class LighterErrors implements VenueErrorDecoder {

    public static final int INVALID_NONCE = 21104;
    public static final int BATCH_NONCE_NOT_CONSECUTIVE = 21105;
    public static final int INVALID_PUBLIC_KEY = 21108;

    /** The venue refused a transaction's nonce: nothing was applied; the client's nonce must be fetched again. */
    public static final class NonceRejected extends OrderRejectedException {

        public NonceRejected(String venue, String clientOrderId, String reason) {
            super(venue, clientOrderId, reason);
        }
    }

    private final String venue;
    private final ObjectMapper json;

    public LighterErrors(String venue, ObjectMapper json) {
        this.venue = venue;
        this.json = json;
    }

    @Override
    public ExchangeException decode(VenueRequest request, VenueResponse response) {
        int code = 0;
        String message = VenueHttpClient.abbreviate(response.body());
        try {
            JsonNode body = json.readTree(response.body());
            if (body != null && body.hasNonNull("code")) {
                code = body.path("code").asInt();
                message = body.path("message").asText(message);
            }
        } catch (IOException e) {
            // not JSON (a gateway page): keep the abbreviated body as the message
        }
        return error(request.describe(), request.isOrderSubmit() || request.path().endsWith("/sendTx"),
                request.clientOrderId(), response.status(), code, message, parameter(request, "market_id"));
    }

    /** The typed error of a venue answer (HTTP status, Lighter code and message). */
    ExchangeException error(String what, boolean transaction, String clientOrderId, int status, int code,
            String message, String market) {
        String described = what + " failed: HTTP " + status + " " + code + " " + message;
        String lower = message.toLowerCase(Locale.ROOT);
        String orderId = clientOrderId == null ? "-" : clientOrderId;
        if (code == INVALID_NONCE || code == BATCH_NONCE_NOT_CONSECUTIVE || lower.contains("invalid nonce")) {
            return new NonceRejected(venue, orderId, code + " " + message);
        }
        if (code == INVALID_PUBLIC_KEY || lower.contains("signature") || lower.contains("publickey")
                || lower.contains("public key") || lower.contains("auth") || status == 401 || status == 403) {
            return new AuthenticationException(venue, described + " (check " + LighterCredentials.PRIVATE_KEY_ENV
                    + ", " + LighterCredentials.ACCOUNT_INDEX_ENV + " and " + LighterCredentials.API_KEY_INDEX_ENV
                    + ")");
        }
        if (lower.contains("too many requests") || lower.contains("rate limit")) {
            return new RateLimitedException(venue, Duration.ofSeconds(1));
        }
        if (lower.contains("market") && (lower.contains("not found") || lower.contains("invalid"))) {
            return new MarketNotFoundException(venue, market);
        }
        if (lower.contains("order") && lower.contains("not found")) {
            return new OrderNotFoundException(venue, orderId);
        }
        if (lower.contains("margin") || lower.contains("insufficient") || lower.contains("not enough collateral")) {
            return new InsufficientMarginException(venue, orderId, message);
        }
        if (lower.contains("maintenance") || lower.contains("unavailable")) {
            return transaction ? new OrderRejectedException(venue, orderId, code + " " + message)
                    : new VenueUnavailableException(venue, described, null);
        }
        return transaction ? new OrderRejectedException(venue, orderId, code + " " + message)
                : new ExchangeException(venue, described);
    }

    private static String parameter(VenueRequest request, String name) {
        for (String pair : request.query().split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return pair.substring(equals + 1);
            }
        }
        return "?";
    }
}
