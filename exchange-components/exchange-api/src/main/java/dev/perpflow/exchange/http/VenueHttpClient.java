package dev.perpflow.exchange.http;

import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.error.RateLimitedException;
import dev.perpflow.exchange.error.UnknownOutcomeException;
import dev.perpflow.exchange.error.VenueUnavailableException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST transport every venue client uses: sends a {@link VenueRequest} after its rate-limiter reservation and
 * maps the HTTP-level outcomes to the typed errors the rest of perpflow relies on:
 * <ul>
 *   <li>never connected → {@link VenueUnavailableException} (nothing reached the venue, safe to retry);</li>
 *   <li>429 / 418 → {@link RateLimitedException} with the venue's {@code Retry-After};</li>
 *   <li>timeout, broken connection or 5xx after sending → {@link UnknownOutcomeException} for an order submit
 *       (resolve by query, never resubmit), {@link VenueUnavailableException} for anything else;</li>
 *   <li>any other non-2xx → the venue's {@link VenueErrorDecoder}.</li>
 * </ul>
 * Logs carry the method and path only: headers hold keys and signatures.
 */
public final class VenueHttpClient {

    private static final Logger LOG = LoggerFactory.getLogger(VenueHttpClient.class);
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private final String venue;
    private final URI baseUrl;
    private final HttpClient http;
    private final Duration timeout;
    private final RateLimiter limiter;
    private final VenueErrorDecoder errors;

    public VenueHttpClient(String venue, URI baseUrl, HttpClient http, Duration timeout, RateLimiter limiter,
            VenueErrorDecoder errors) {
        this.venue = Objects.requireNonNull(venue, "venue");
        this.baseUrl = stripTrailingSlash(Objects.requireNonNull(baseUrl, "baseUrl"));
        this.http = Objects.requireNonNull(http, "http");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    /** A JDK client with a connect timeout, HTTP/1.1 (venues' gateways), no redirects. */
    public static HttpClient defaultHttpClient(Duration connectTimeout) {
        return HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public String venue() {
        return venue;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** Sends the request; completes with the 2xx response or fails with a typed {@link ExchangeException}. */
    public CompletableFuture<VenueResponse> send(VenueRequest request) {
        Duration wait = limiter.reserve(request.weight());
        if (!wait.isZero()) {
            LOG.debug("{} {}: waiting {} ms for the {} budget", venue, request.describe(), wait.toMillis(),
                    limiter.name());
        }
        CompletableFuture<Void> permitted = wait.isZero() ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> { },
                        CompletableFuture.delayedExecutor(wait.toNanos(), TimeUnit.NANOSECONDS));
        return permitted.thenCompose(ignored -> http.sendAsync(toHttpRequest(request),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)))
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw new CompletionException(transportFailure(request, ExchangeException.unwrap(failure)));
                    }
                    VenueResponse answer = new VenueResponse(response.statusCode(), headers(response), response.body());
                    if (answer.isSuccess()) {
                        return answer;
                    }
                    throw new CompletionException(httpFailure(request, answer));
                });
    }

    private HttpRequest toHttpRequest(VenueRequest request) {
        URI uri = URI.create(baseUrl + request.path() + (request.query().isEmpty() ? "" : "?" + request.query()));
        HttpRequest.BodyPublisher body = request.body().isEmpty() ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout).method(request.method(), body);
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        request.headers().forEach(builder::header);
        return builder.build();
    }

    private ExchangeException transportFailure(VenueRequest request, Throwable failure) {
        if (failure instanceof ExchangeException typed) {
            return typed;
        }
        boolean neverSent = failure instanceof HttpConnectTimeoutException || failure instanceof ConnectException
                || failure.getCause() instanceof ConnectException;
        String what = request.describe() + " failed: " + describe(failure);
        if (request.isOrderSubmit() && !neverSent) {
            return new UnknownOutcomeException(venue, request.clientOrderId(), what, failure);
        }
        return new VenueUnavailableException(venue, what, failure);
    }

    private ExchangeException httpFailure(VenueRequest request, VenueResponse response) {
        int status = response.status();
        if (status == 429 || status == 418) {
            Duration retryAfter = response.header("retry-after").map(VenueHttpClient::parseRetryAfter)
                    .orElse(DEFAULT_RETRY_AFTER);
            LOG.warn("{} {} rate limited (HTTP {}), retry after {} ms", venue, request.describe(), status,
                    retryAfter.toMillis());
            return new RateLimitedException(venue, retryAfter);
        }
        if (status >= 500) {
            String what = request.describe() + " answered HTTP " + status + ": " + abbreviate(response.body());
            if (request.isOrderSubmit()) {
                return new UnknownOutcomeException(venue, request.clientOrderId(), what, null);
            }
            return new VenueUnavailableException(venue, what, null);
        }
        return errors.decode(request, response);
    }

    static Duration parseRetryAfter(String value) {
        try {
            long seconds = Long.parseLong(value.trim());
            return Duration.ofSeconds(Math.max(0, seconds));
        } catch (NumberFormatException e) {
            return DEFAULT_RETRY_AFTER;
        }
    }

    private static Map<String, String> headers(HttpResponse<?> response) {
        Map<String, String> headers = new HashMap<>();
        response.headers().map().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        return headers;
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }

    /** A response body cut for messages: venues' error bodies are short, HTML error pages are not. */
    public static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
    }

    private static URI stripTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }
}
