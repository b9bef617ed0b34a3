package dev.perpflow.component.paradex.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perpflow.component.paradex.ParadexCredentials;
import dev.perpflow.exchange.error.AuthenticationException;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.error.InsufficientMarginException;
import dev.perpflow.exchange.error.MarketNotFoundException;
import dev.perpflow.exchange.error.OrderNotFoundException;
import dev.perpflow.exchange.error.OrderRejectedException;
import dev.perpflow.exchange.error.UnknownOutcomeException;
import dev.perpflow.exchange.error.VenueUnavailableException;
import dev.perpflow.exchange.http.VenueErrorDecoder;
import dev.perpflow.exchange.http.VenueHttpClient;
import dev.perpflow.exchange.http.VenueRequest;
import dev.perpflow.exchange.http.VenueResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Paradex's error answers ({@code {"error":"<ErrorCode>","message":"..."}} with a 4xx status, the codes of its API
 * schema) as typed errors. Order refusals during the daily maintenance window ({@code SYSTEM_STATUS_CANCEL_ONLY},
 * {@code SYSTEM_STATUS_POST_ONLY}) are rejections that say so; a cancel of an order that already ended
 * ({@code ORDER_IS_CLOSED}) is "not found", so the client reads its final state; anything unmapped on a submit is a
 * rejection (nothing was placed), elsewhere a venue error with Paradex's code and message.
 */
public final class ParadexErrors implements VenueErrorDecoder {

    /** What a refusal in the maintenance window says, for people and logs. */
    public static final String CANCEL_ONLY = "Paradex is in its maintenance window (cancel-only): new orders are"
            + " refused, cancels go through; it takes orders again after the window (daily, about 04:30 UTC)";
    public static final String POST_ONLY = "Paradex is in its maintenance window (post-only): only post-only"
            + " orders are taken until it ends (daily, about 04:30 UTC)";

    private final String venue;
    private final ObjectMapper json;

    public ParadexErrors(String venue, ObjectMapper json) {
        this.venue = venue;
        this.json = json;
    }

    @Override
    public ExchangeException decode(VenueRequest request, VenueResponse response) {
        String code = "";
        String message = VenueHttpClient.abbreviate(response.body());
        try {
            JsonNode body = json.readTree(response.body());
            if (body != null && body.hasNonNull("error")) {
                code = body.path("error").asText();
                message = body.path("message").asText(message);
            }
        } catch (IOException e) {
            // not JSON (a gateway page): keep the abbreviated body
        }
        String described = request.describe() + " failed: HTTP " + response.status() + " " + code + " " + message;
        String clientOrderId = request.clientOrderId();
        boolean submit = request.isOrderSubmit();
        return switch (code) {
            case "INVALID_STARKNET_SIGNATURE", "STARKNET_SIGNATURE_VERIFICATION_FAILED", "INVALID_ORDER_SIGNATURE",
                    "UNAUTHORIZED_ERROR", "INVALID_TOKEN", "NOT_ONBOARDED", "INVALID_STARKNET_ADDRESS",
                    "PUBLIC_KEY_INVALID", "ACCOUNT_NOT_FOUND" -> new AuthenticationException(venue, described
                    + " (check " + ParadexCredentials.L2_ADDRESS_ENV + " / " + ParadexCredentials.L2_PRIVATE_KEY_ENV + ")");
            case "MARKET_NOT_FOUND", "INVALID_SYMBOL", "MARKET_NOT_OPEN" -> submit && code.equals("MARKET_NOT_OPEN")
                    ? new OrderRejectedException(venue, clientOrderId, code + " " + message)
                    : new MarketNotFoundException(venue, marketOf(request));
            case "ORDER_ID_NOT_FOUND", "CLIENT_ORDER_ID_NOT_FOUND", "ORDER_IS_CLOSED", "ORDER_IS_NOT_OPEN" ->
                    new OrderNotFoundException(venue, clientIdOf(request));
            case "NOT_FOUND" -> request.path().startsWith("/orders")
                    ? new OrderNotFoundException(venue, clientIdOf(request)) : new ExchangeException(venue, described);
            case "SYSTEM_STATUS_CANCEL_ONLY" -> submit ? new OrderRejectedException(venue, clientOrderId, CANCEL_ONLY)
                    : new VenueUnavailableException(venue, described, null);
            case "SYSTEM_STATUS_POST_ONLY" -> submit ? new OrderRejectedException(venue, clientOrderId, POST_ONLY)
                    : new VenueUnavailableException(venue, described, null);
            case "SERVICE_UNAVAILABLE", "INTERNAL_ERROR" -> submit
                    ? new UnknownOutcomeException(venue, clientOrderId, described, null)
                    : new VenueUnavailableException(venue, described, null);
            case "INVALID_TIMESTAMP" -> submit ? new OrderRejectedException(venue, clientOrderId, message
                    + " (check the system clock)") : new AuthenticationException(venue, described
                    + " (check the system clock)");
            default -> {
                String lower = message.toLowerCase(Locale.ROOT);
                if (response.status() == 401 || lower.contains("signature") || lower.contains("jwt")) {
                    yield new AuthenticationException(venue, described);
                }
                if (submit && lower.contains("margin")) {
                    yield new InsufficientMarginException(venue, clientOrderId, code + " " + message);
                }
                yield submit ? new OrderRejectedException(venue, clientOrderId, code + " " + message)
                        : new ExchangeException(venue, described);
            }
        };
    }

    /** The market of a request: {@code market} in the query or body, else "?". */
    private String marketOf(VenueRequest request) {
        for (String pair : request.query().split("&")) {
            if (pair.startsWith("market=")) {
                return URLDecoder.decode(pair.substring("market=".length()), StandardCharsets.UTF_8);
            }
        }
        if (!request.body().isEmpty()) {
            try {
                return json.readTree(request.body()).path("market").asText("?");
            } catch (IOException e) {
                return "?";
            }
        }
        int slash = request.path().lastIndexOf('/');
        return slash >= 0 ? request.path().substring(slash + 1) : "?";
    }

    /** The client id of a {@code /orders/by_client_id/<id>} request (the exchange client renames it anyway). */
    private static String clientIdOf(VenueRequest request) {
        String prefix = "/orders/by_client_id/";
        return request.path().startsWith(prefix)
                ? URLDecoder.decode(request.path().substring(prefix.length()), StandardCharsets.UTF_8) : "?";
    }
}
