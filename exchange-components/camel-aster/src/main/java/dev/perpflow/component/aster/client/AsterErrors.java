package dev.perpflow.component.aster.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perpflow.component.aster.AsterAuthMode;
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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Aster's (Binance's) error codes as typed errors. The body is {@code {"code":-2019,"msg":"Margin is
 * insufficient."}}; the codes that matter to trading are mapped, anything else on an order submit is a rejection
 * (nothing was placed) and elsewhere a plain venue error with the venue's code and message. The two "execution
 * status unknown" codes (-1006, -1007) are unknown outcomes on a submit, whatever HTTP status carries them.
 */
public final class AsterErrors implements VenueErrorDecoder {

    /** "An unexpected response was received from the message bus. Execution status unknown." */
    static final int UNEXPECTED_RESPONSE = -1006;
    /** "Timeout waiting for response from backend server. Send status unknown; execution status unknown." */
    static final int BACKEND_TIMEOUT = -1007;
    static final int TOO_MANY_REQUESTS = -1003;
    static final int INVALID_TIMESTAMP = -1021;
    static final int INVALID_SIGNATURE = -1022;
    static final int INVALID_SYMBOL = -1121;
    static final int CANCEL_REJECTED = -2011;
    static final int NO_SUCH_ORDER = -2013;
    static final int BAD_API_KEY_FORMAT = -2014;
    static final int REJECTED_API_KEY = -2015;
    static final int BALANCE_NOT_SUFFICIENT = -2018;
    static final int MARGIN_NOT_SUFFICIENT = -2019;
    /** V3: the nonce was too far from the venue's clock or already used ("Nonce Expired" in the V3 docs' demo). */
    static final int NONCE_EXPIRED = -4225;

    private static final String V1_CREDENTIALS = "check ASTER_API_KEY / ASTER_SECRET_KEY";
    private static final String V3_CREDENTIALS = "check ASTER_USER / ASTER_SIGNER / ASTER_SIGNER_PRIVATE_KEY and that"
            + " the API wallet is approved for the user";

    private final String venue;
    private final ObjectMapper json;
    private final String credentialsHint;

    public AsterErrors(String venue, ObjectMapper json, AsterAuthMode mode) {
        this.venue = venue;
        this.json = json;
        this.credentialsHint = mode == AsterAuthMode.API_WALLET_V3 ? V3_CREDENTIALS : V1_CREDENTIALS;
    }

    @Override
    public ExchangeException decode(VenueRequest request, VenueResponse response) {
        int code = 0;
        String message = VenueHttpClient.abbreviate(response.body());
        try {
            JsonNode body = json.readTree(response.body());
            if (body != null && body.has("code")) {
                code = body.path("code").asInt();
                message = body.path("msg").asText(message);
            }
        } catch (IOException e) {
            // not JSON (a gateway page): keep the abbreviated body as the message
        }
        String described = request.describe() + " failed: HTTP " + response.status() + " code " + code + " " + message;
        return switch (code) {
            // whatever the HTTP status: the venue may or may not have acted on the request
            case UNEXPECTED_RESPONSE, BACKEND_TIMEOUT -> request.isOrderSubmit()
                    ? new UnknownOutcomeException(venue, request.clientOrderId(), described, null)
                    : new VenueUnavailableException(venue, described, null);
            case TOO_MANY_REQUESTS -> new RateLimitedException(venue, Duration.ofSeconds(1));
            case INVALID_SIGNATURE, BAD_API_KEY_FORMAT, REJECTED_API_KEY -> new AuthenticationException(venue,
                    described + " (" + credentialsHint + ")");
            case INVALID_TIMESTAMP, NONCE_EXPIRED -> request.isOrderSubmit()
                    ? new OrderRejectedException(venue, request.clientOrderId(), message + " (check the system clock)")
                    : new ExchangeException(venue, described + " (check the system clock)");
            case INVALID_SYMBOL -> new MarketNotFoundException(venue, parameter(request, "symbol"));
            case NO_SUCH_ORDER, CANCEL_REJECTED -> new OrderNotFoundException(venue,
                    parameter(request, "origClientOrderId"));
            case BALANCE_NOT_SUFFICIENT, MARGIN_NOT_SUFFICIENT -> new InsufficientMarginException(venue,
                    request.clientOrderId(), message);
            default -> request.isOrderSubmit()
                    ? new OrderRejectedException(venue, request.clientOrderId(), "code " + code + " " + message)
                    : response.status() == 401 || response.status() == 403
                            ? new AuthenticationException(venue, described)
                            : new ExchangeException(venue, described);
        };
    }

    /** A parameter of the signed query or form body, for messages and typed errors. */
    static String parameter(VenueRequest request, String name) {
        for (String source : new String[] {request.query(), request.body()}) {
            for (String pair : source.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).equals(name)) {
                    return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                }
            }
        }
        return "?";
    }
}
