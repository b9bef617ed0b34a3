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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Builds and sends Aster's three kinds of REST calls: public, API-key only (user-stream key) and signed, in the
 * config's {@link AsterAuthMode}:
 * <ul>
 * <li>V1: {@code timestamp}, {@code recvWindow}, {@code signature} = HMAC over exactly the bytes sent (the query for
 * GET/DELETE, the form body for POST/PUT) and the {@code X-MBX-APIKEY} header;</li>
 * <li>V3: {@code user}, {@code signer}, {@code nonce} (µs) appended to the parameters, the whole url-encoded string
 * signed by the API wallet ({@link AsterApiWalletSigner}) and {@code signature} appended last, same placement; the
 * listen-key calls are signed too (security type USER_STREAM). Paths are the V3 ones: callers name the V1 path
 * and {@link #path} maps it.</li>
 * </ul>
 * Answers are parsed as JSON.
 */
final class AsterRest {

    static final String API_KEY_HEADER = "X-MBX-APIKEY";
    private static final String FORM = "application/x-www-form-urlencoded";
    /** V1 paths with no V3 twin in Aster's V3 futures docs: kept as they are in V3 mode. */
    private static final Set<String> V1_ONLY = Set.of("/fapi/v1/openInterest");

    private final AsterConfig config;
    private final VenueHttpClient http;
    private final ObjectMapper json;
    private final AsterSigner signer;
    private final AsterApiWalletSigner walletSigner;
    private final AsterNonces nonces;
    private final Clock clock;

    AsterRest(AsterConfig config, VenueHttpClient http, ObjectMapper json, Clock clock) {
        this.config = config;
        this.http = http;
        this.json = json;
        this.clock = clock;
        boolean v3 = config.authMode() == AsterAuthMode.API_WALLET_V3;
        this.signer = !v3 && config.hasCredentials() ? new AsterSigner(config.credentials().secretKey()) : null;
        this.walletSigner = v3 && config.hasCredentials() ? new AsterApiWalletSigner(config.apiWallet()) : null;
        this.nonces = v3 && config.hasCredentials() ? AsterNonces.of(config.apiWallet().signer()) : null;
    }

    CompletableFuture<JsonNode> publicGet(String path, Map<String, String> params, int weight) {
        return send(VenueRequest.get(path(path), encode(params)).withWeight(weight));
    }

    /** A call authenticated by the API key header alone (the user-stream listen key); signed in V3 mode. */
    CompletableFuture<JsonNode> keyed(String method, String path) {
        if (isV3()) {
            return signed(method, path, Map.of(), 1);
        }
        return send(() -> new VenueRequest(method, path, "", "", null, Map.of(API_KEY_HEADER, apiKey(path)), 1, null));
    }

    CompletableFuture<JsonNode> signed(String method, String path, Map<String, String> params, int weight) {
        return send(() -> signedRequest(method, path, params, weight, null));
    }

    /** Signed order submit: a timeout or 5xx becomes an unknown outcome for {@code clientOrderId}. */
    CompletableFuture<JsonNode> submit(String path, Map<String, String> params, String clientOrderId) {
        return send(() -> signedRequest("POST", path, params, 1, clientOrderId));
    }

    /** The path actually requested: the V3 twin ({@code /fapi/v3/<same name>}) of a V1/V2 path in V3 mode. */
    String path(String v1Path) {
        if (!isV3() || V1_ONLY.contains(v1Path)) {
            return v1Path;
        }
        return v1Path.replaceFirst("^/fapi/v[12]/", "/fapi/v3/");
    }

    private boolean isV3() {
        return config.authMode() == AsterAuthMode.API_WALLET_V3;
    }

    private VenueRequest signedRequest(String method, String path, Map<String, String> params, int weight,
            String clientOrderId) {
        if (isV3()) {
            return walletSignedRequest(method, path, params, weight, clientOrderId);
        }
        String key = apiKey(path);
        String payload = encode(params) + (params.isEmpty() ? "" : "&") + "timestamp=" + clock.millis()
                + "&recvWindow=" + config.recvWindow().toMillis();
        boolean inBody = method.equals("POST") || method.equals("PUT");
        String signed = payload + "&signature=" + (inBody ? signer.sign("", payload) : signer.sign(payload, ""));
        VenueRequest request = new VenueRequest(method, path, inBody ? "" : signed, inBody ? signed : "",
                inBody ? FORM : null, Map.of(API_KEY_HEADER, key), weight, null);
        return clientOrderId == null ? request : request.submitting(clientOrderId);
    }

    private VenueRequest walletSignedRequest(String method, String path, Map<String, String> params, int weight,
            String clientOrderId) {
        String v3Path = path(path);
        if (!config.hasCredentials()) {
            throw new AuthenticationException(config.venue(), v3Path + " needs credentials: set ASTER_USER, "
                    + "ASTER_SIGNER and ASTER_SIGNER_PRIVATE_KEY (the account's aster API wallet)");
        }
        AsterApiWalletCredentials wallet = config.apiWallet();
        String payload = encode(params) + (params.isEmpty() ? "" : "&") + "user=" + wallet.user() + "&signer="
                + wallet.signer() + "&nonce=" + nonces.next(clock);
        boolean inBody = method.equals("POST") || method.equals("PUT");
        String signed = payload + "&signature=" + walletSigner.sign(payload);
        VenueRequest request = new VenueRequest(method, v3Path, inBody ? "" : signed, inBody ? signed : "",
                inBody ? FORM : null, Map.of(), weight, null);
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
