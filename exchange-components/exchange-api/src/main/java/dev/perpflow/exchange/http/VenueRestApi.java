package dev.perpflow.exchange.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import dev.perpflow.exchange.error.ExchangeException;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.UnaryOperator;

/**
 * Base of every venue's raw REST layer ({@code <Venue>RestApi}): one method per venue endpoint, named after it,
 * answering the venue's payload records ({@code <venue>.dto}). This base sends through the venue's
 * {@link VenueHttpClient} (budget, HTTP-level errors) and reads the JSON answer into the record type; a body that
 * is not the JSON expected is a venue error naming the call, never a silently empty value.
 */
public abstract class VenueRestApi {

    private final VenueHttpClient http;
    private final ObjectMapper json;

    protected VenueRestApi(VenueHttpClient http, ObjectMapper json) {
        this.http = Objects.requireNonNull(http, "http");
        this.json = Objects.requireNonNull(json, "json");
    }

    /** The mapper for venue payloads: decimals as {@code BigDecimal}, unknown fields ignored (venues add fields). */
    public static ObjectMapper newMapper() {
        return new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public String venue() {
        return http.venue();
    }

    public ObjectMapper mapper() {
        return json;
    }

    /** The transport, and through it the budget ({@link VenueHttpClient#limiter()}) every call of this API shares. */
    public VenueHttpClient http() {
        return http;
    }

    /** Sends {@code request} as it is and reads the answer as {@code type}. */
    protected <T> CompletableFuture<T> call(VenueRequest request, TypeReference<T> type) {
        return call(request, UnaryOperator.identity(), type);
    }

    /** Signs {@code request} once the budget grants it, sends it and reads the answer ({@code null} for no body). */
    protected <T> CompletableFuture<T> call(VenueRequest request, UnaryOperator<VenueRequest> sign,
            TypeReference<T> type) {
        return call(http, request, sign, type);
    }

    /**
     * As {@link #call(VenueRequest, UnaryOperator, TypeReference)} through another of the venue's hosts (a venue whose
     * market data, trading and login are served from different base URLs gives each its own transport).
     */
    protected <T> CompletableFuture<T> call(VenueHttpClient host, VenueRequest request, UnaryOperator<VenueRequest> sign,
            TypeReference<T> type) {
        JavaType javaType = json.getTypeFactory().constructType(type);
        return host.send(request, sign).thenApply(response -> {
            if (response.body().isBlank()) {
                return null;
            }
            try {
                return json.readValue(response.body(), javaType);
            } catch (IOException e) {
                throw new CompletionException(new ExchangeException(venue(), request.describe()
                        + " answered with a body that is not the expected JSON (" + problem(e) + "): "
                        + VenueHttpClient.abbreviate(response.body()), e));
            }
        });
    }

    /** What was wrong with a body: the field and its value when the reader knows them. */
    private static String problem(IOException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().get(mapping.getPath().size() - 1).getFieldName();
            if (mapping instanceof InvalidFormatException invalid) {
                boolean numeric = Number.class.isAssignableFrom(invalid.getTargetType())
                        || invalid.getTargetType().isPrimitive();
                return "'" + field + "' is not " + (numeric ? "a number" : "a " + invalid.getTargetType().getSimpleName())
                        + ": " + invalid.getValue();
            }
            return "'" + field + "' not understood";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
    }

    /** A payload read from a stream message, with the same error rule. */
    public <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new ExchangeException(venue(), "message not understood as " + type.getSimpleName() + ": "
                    + VenueHttpClient.abbreviate(text), e);
        }
    }

    /** {@code name=value&...} in the map's order, values URL-encoded: the exact text that is sent and signed. */
    public static String encode(Map<String, String> params) {
        StringBuilder query = new StringBuilder();
        params.forEach((name, value) -> {
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return query.toString();
    }

    /** Parameters in the order given: {@code params("symbol", "BTCUSDT", "limit", "5")}. */
    public static Map<String, String> params(String... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("name/value pairs expected");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put(pairs[i], pairs[i + 1]);
        }
        return params;
    }
}
