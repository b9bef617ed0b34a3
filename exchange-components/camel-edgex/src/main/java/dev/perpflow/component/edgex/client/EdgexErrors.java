package dev.perpflow.component.edgex.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perpflow.component.edgex.EdgexCredentials;
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
 * EdgeX's error answers as typed errors. EdgeX wraps every answer in {@code {"code","data","msg"}}: an error comes
 * either with an HTTP error status and that wrapper ({@link #decode}), or with HTTP 200 and a {@code code} other than
 * {@code SUCCESS} ({@link #of}); both go through the same mapping. EdgeX documents no list of codes, so they are read
 * by what they name (signature/auth, not found, margin or balance, rate or frequency, contract, maintenance or
 * system busy); a submit refused by any other code is a rejection (nothing placed), other calls a venue error with
 * EdgeX's code and message.
 */
public final class EdgexErrors implements VenueErrorDecoder {

    private final String venue;
    private final ObjectMapper json;

    public EdgexErrors(String venue, ObjectMapper json) {
        this.venue = venue;
        this.json = json;
    }

    @Override
    public ExchangeException decode(VenueRequest request, VenueResponse response) {
        String code = "HTTP_" + response.status();
        String message = VenueHttpClient.abbreviate(response.body());
        try {
            JsonNode body = json.readTree(response.body());
            if (body != null && body.hasNonNull("code")) {
                code = body.path("code").asText();
                message = body.path("msg").asText(message);
            }
        } catch (IOException e) {
            // not JSON: keep the HTTP status as the code
        }
        return of(request, code, message, response.status());
    }

    /** The typed error of a wrapper whose {@code code} is not {@code SUCCESS}. */
    public ExchangeException of(VenueRequest request, String code, String message, int status) {
        String described = request.describe() + " failed: " + (status == 200 ? "" : "HTTP " + status + " ") + code
                + " " + message;
        String both = (code + " " + message).toUpperCase(Locale.ROOT);
        String clientOrderId = request.clientOrderId();
        boolean submit = request.isOrderSubmit();
        if (status == 401 || status == 403 || both.contains("SIGNATURE") || both.contains("API_KEY")
                || both.contains("APIKEY") || both.contains("PASSPHRASE") || both.contains("UNAUTHORIZED")
                || both.contains("AUTH")) {
            return new AuthenticationException(venue, described + " (check " + EdgexCredentials.API_KEY_ENV + ", "
                    + EdgexCredentials.API_PASSPHRASE_ENV + ", " + EdgexCredentials.API_SECRET_ENV + ", "
                    + EdgexCredentials.TRADING_PRIVATE_KEY_ENV + " and the clock)");
        }
        if (both.contains("RATE_LIMIT") || both.contains("TOO_FREQUENT") || both.contains("TOO_MANY")) {
            return new RateLimitedException(venue, Duration.ofSeconds(1));
        }
        if (both.contains("CONTRACT_NOT_FOUND") || both.contains("CONTRACT_NOT_EXIST")) {
            return new MarketNotFoundException(venue, "?");
        }
        if (both.contains("ORDER_NOT_FOUND") || both.contains("ORDER_NOT_EXIST")
                || (!submit && request.path().contains("/order/") && both.contains("NOT_FOUND"))) {
            return new OrderNotFoundException(venue, clientOrderId == null ? "?" : clientOrderId);
        }
        if (submit && (both.contains("MARGIN") || both.contains("BALANCE") || both.contains("INSUFFICIENT"))) {
            return new InsufficientMarginException(venue, clientOrderId, code + " " + message);
        }
        if (both.contains("SYSTEM_BUSY") || both.contains("MAINTENANCE") || both.contains("SERVICE_UNAVAILABLE")) {
            return submit ? new UnknownOutcomeException(venue, clientOrderId, described, null)
                    : new VenueUnavailableException(venue, described, null);
        }
        return submit ? new OrderRejectedException(venue, clientOrderId, code + " " + message)
                : new ExchangeException(venue, described);
    }
}
