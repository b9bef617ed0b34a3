package dev.perpflow.component.backpack.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perpflow.component.backpack.BackpackCredentials;
import dev.perpflow.exchange.error.AuthenticationException;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.error.InsufficientMarginException;
import dev.perpflow.exchange.error.MarketNotFoundException;
import dev.perpflow.exchange.error.OrderNotFoundException;
import dev.perpflow.exchange.error.OrderRejectedException;
import dev.perpflow.exchange.error.RateLimitedException;
import dev.perpflow.exchange.error.UnknownOutcomeException;
import dev.perpflow.exchange.error.VenueUnavailableException;
import dev.perpflow.exchange.http.VenueErrorDecoder;
import dev.perpflow.exchange.http.VenueHttpClient;
import dev.perpflow.exchange.http.VenueRequest;
import dev.perpflow.exchange.http.VenueResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

/**
 * Backpack's error answers as typed errors. The body is {@code {"code":"INSUFFICIENT_MARGIN","message":"..."}} with
 * the codes of Backpack's API reference; the request carries the perpflow context (symbol, client order id) that the
 * typed errors name. Anything unmapped on an order submit is a rejection (nothing was placed), elsewhere a plain
 * venue error with Backpack's code and message.
 */
public final class BackpackErrors implements VenueErrorDecoder {

    private final String venue;
    private final ObjectMapper json;

    public BackpackErrors(String venue, ObjectMapper json) {
        this.venue = venue;
        this.json = json;
    }

    @Override
    public ExchangeException decode(VenueRequest request, VenueResponse response) {
        String code = "";
        String message = VenueHttpClient.abbreviate(response.body());
        try {
            JsonNode body = json.readTree(response.body());
            if (body != null && body.hasNonNull("code")) {
                code = body.path("code").asText();
                message = body.path("message").asText(message);
            }
        } catch (IOException e) {
            // not JSON (a gateway page): keep the abbreviated body as the message
        }
        String described = request.describe() + " failed: HTTP " + response.status() + " " + code + " " + message;
        String lower = message.toLowerCase(Locale.ROOT);
        String clientOrderId = request.clientOrderId();
        return switch (code) {
            case "INVALID_SIGNATURE", "UNAUTHORIZED", "FORBIDDEN" -> new AuthenticationException(venue,
                    described + " (check " + BackpackCredentials.PUBLIC_KEY_ENV + " / "
                            + BackpackCredentials.SECRET_KEY_ENV + ")");
            case "TOO_MANY_REQUESTS" -> new RateLimitedException(venue, Duration.ofSeconds(1));
            case "INVALID_MARKET", "INVALID_SYMBOL" -> new MarketNotFoundException(venue, symbolOf(request));
            case "RESOURCE_NOT_FOUND" -> request.path().endsWith("/order")
                    ? new OrderNotFoundException(venue, parameter(request, "clientId"))
                    : new ExchangeException(venue, described);
            case "INSUFFICIENT_MARGIN", "INSUFFICIENT_FUNDS", "INSUFFICIENT_COLLATERAL" ->
                    new InsufficientMarginException(venue, orNone(clientOrderId), message);
            case "TIMEOUT" -> request.isOrderSubmit()
                    ? new UnknownOutcomeException(venue, clientOrderId, described, null)
                    : new VenueUnavailableException(venue, described, null);
            case "MAINTENANCE", "SERVER_ERROR", "TRADING_PAUSED" -> request.isOrderSubmit()
                    ? new OrderRejectedException(venue, clientOrderId, code + " " + message)
                    : new VenueUnavailableException(venue, described, null);
            default -> {
                if (lower.contains("signature") || response.status() == 401) {
                    yield new AuthenticationException(venue, described);
                }
                if (lower.contains("expired") || lower.contains("timestamp")) {
                    String clock = " (check the system clock; the request's window is " + request.headers()
                            .getOrDefault(BackpackRestApi.WINDOW_HEADER, "?") + " ms)";
                    yield request.isOrderSubmit() ? new OrderRejectedException(venue, clientOrderId, message + clock)
                            : new ExchangeException(venue, described + clock);
                }
                yield request.isOrderSubmit() ? new OrderRejectedException(venue, clientOrderId, code + " " + message)
                        : new ExchangeException(venue, described);
            }
        };
    }

    private String symbolOf(VenueRequest request) {
        return parameter(request, "symbol");
    }

    /**
     * A parameter of the request (query or top-level JSON body field), for naming what failed; the exchange client
     * replaces venue names by perpflow's where it knows them.
     */
    private String parameter(VenueRequest request, String name) {
        for (String pair : request.query().split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(equals + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        if (!request.body().isEmpty()) {
            try {
                JsonNode body = json.readTree(request.body());
                if (body != null && body.hasNonNull(name)) {
                    return body.path(name).asText();
                }
            } catch (IOException e) {
                // not JSON: nothing to name
            }
        }
        return "?";
    }

    private static String orNone(String clientOrderId) {
        return clientOrderId == null ? "-" : clientOrderId;
    }
}
