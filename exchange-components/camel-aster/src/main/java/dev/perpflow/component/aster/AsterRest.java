package dev.perpflow.component.aster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perpflow.exchange.error.AuthenticationException;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.http.VenueHttpClient;
import dev.perpflow.exchange.http.VenueRequest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Builds and sends Aster's three kinds of REST calls: public, API-key only (user-stream key) and signed
 * ({@code timestamp}, {@code recvWindow}, {@code signature} over exactly the bytes sent: the query for GET/DELETE,
 * the form body for POST/PUT). Answers are parsed as JSON.
 */
final class AsterRest {

    static final String API_KEY_HEADER = "X-MBX-APIKEY";
    private static final String FORM = "application/x-www-form-urlencoded";

    private final AsterConfig config;
    private final VenueHttpClient http;
    private final ObjectMapper json;
    private final AsterSigner signer;
    private final Clock clock;

    AsterRest(AsterConfig config, VenueHttpClient http, ObjectMapper json, Clock clock) {
        this.config = config;
        this.http = http;
        this.json = json;
        this.clock = clock;
        this.signer = config.hasCredentials() ? new AsterSigner(config.credentials().secretKey()) : null;
    }

    CompletableFuture<JsonNode> publicGet(String path, Map<String, String> params, int weight) {
        return send(VenueRequest.get(path, encode(params)).withWeight(weight));
    }

    /** A call authenticated by the API key header alone (the user-stream listen key). */
    CompletableFuture<JsonNode> keyed(String method, String path) {
        return send(() -> new VenueRequest(method, path, "", "", null, Map.of(API_KEY_HEADER, apiKey(path)), 1, null));
    }

    CompletableFuture<JsonNode> signed(String method, String path, Map<String, String> params, int weight) {
        return send(() -> signedRequest(method, path, params, weight, null));
    }

    /** Signed order submit: a timeout or 5xx becomes an unknown outcome for {@code clientOrderId}. */
    CompletableFuture<JsonNode> submit(String path, Map<String, String> params, String clientOrderId) {
        return send(() -> signedRequest("POST", path, params, 1, clientOrderId));
    }

    private VenueRequest signedRequest(String method, String path, Map<String, String> params, int weight,
            String clientOrderId) {
        String key = apiKey(path);
        String payload = encode(params) + (params.isEmpty() ? "" : "&") + "timestamp=" + clock.millis()
                + "&recvWindow=" + config.recvWindow().toMillis();
        boolean inBody = method.equals("POST") || method.equals("PUT");
        String signed = payload + "&signature=" + (inBody ? signer.sign("", payload) : signer.sign(payload, ""));
        VenueRequest request = new VenueRequest(method, path, inBody ? "" : signed, inBody ? signed : "",
                inBody ? FORM : null, Map.of(API_KEY_HEADER, key), weight, null);
        return clientOrderId == null ? request : request.submitting(clientOrderId);
    }

    private String apiKey(String path) {
        if (!config.hasCredentials()) {
            throw new AuthenticationException(config.venue(), path
                    + " needs credentials: set ASTER_API_KEY and ASTER_SECRET_KEY (or the account's aster credentials)");
        }
        return config.credentials().apiKey();
    }

    private CompletableFuture<JsonNode> send(Supplier<VenueRequest> build) {
        VenueRequest request;
        try {
            request = build.get();
        } catch (ExchangeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return send(request);
    }

    private CompletableFuture<JsonNode> send(VenueRequest request) {
        return http.send(request).thenApply(response -> {
            try {
                return json.readTree(response.body());
            } catch (IOException e) {
                throw new CompletionException(new ExchangeException(config.venue(), request.describe()
                        + " answered with a body that is not JSON: " + VenueHttpClient.abbreviate(response.body()), e));
            }
        });
    }

    static String encode(Map<String, String> params) {
        StringBuilder query = new StringBuilder();
        params.forEach((name, value) -> {
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return query.toString();
    }
}
