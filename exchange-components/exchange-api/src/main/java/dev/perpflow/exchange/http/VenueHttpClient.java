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
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST transport every venue client uses: sends a {@link VenueRequest} once the client's {@link RateLimiter}
 * grants its weight (critical requests first) and maps the HTTP-level outcomes to the typed errors the rest of
 * perpflow relies on:
 * <ul>
 *   <li>never connected → {@link VenueUnavailableException} (nothing reached the venue, safe to retry);</li>
 *   <li>429 / 418 → {@link RateLimitedException} with the venue's {@code Retry-After}, and the budget shrinks: until
 *       it has passed, requests fail at once with a {@link RateLimitedException} and are not sent (critical ones
 *       wait for its end instead, or go through if the venue allows them while limited; never during a 418 ban);
 *       a request that cannot get budget within the request timeout fails the same way, unsent;</li>
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
    private final boolean criticalWhileLimited;

    /** A transport whose critical requests, too, wait out a 429's {@code Retry-After} (Binance-style venues). */
    public VenueHttpClient(String venue, URI baseUrl, HttpClient http, Duration timeout, RateLimiter limiter,
            VenueErrorDecoder errors) {
        this(venue, baseUrl, http, timeout, limiter, errors, false);
    }

    /**
     * @param criticalWhileLimited whether critical requests may still be sent while a 429's {@code Retry-After}
     *                             runs (only for venues that do not escalate a 429 into a ban)
     */
    public VenueHttpClient(String venue, URI baseUrl, HttpClient http, Duration timeout, RateLimiter limiter,
            VenueErrorDecoder errors, boolean criticalWhileLimited) {
        this.venue = Objects.requireNonNull(venue, "venue");
        this.baseUrl = stripTrailingSlash(Objects.requireNonNull(baseUrl, "baseUrl"));
        this.http = Objects.requireNonNull(http, "http");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.criticalWhileLimited = criticalWhileLimited;
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
        return send(request, UnaryOperator.identity());
    }

    /**
     * Sends {@code sign.apply(request)}, signed only once the budget granted its weight (a signature's timestamp or
     * nonce is then fresh however long the request waited); completes with the 2xx response or fails with a typed
     * {@link ExchangeException}.
     */
    public CompletableFuture<VenueResponse> send(VenueRequest request, UnaryOperator<VenueRequest> sign) {
        Duration held = limiter.blockedFor(request.priority(), criticalWhileLimited);
        if (!held.isZero() && !request.isCritical()) {
            LOG.debug("{} {}: not sent, the venue's Retry-After runs for {} ms more", venue, request.describe(),
                    held.toMillis());
            return CompletableFuture.failedFuture(new RateLimitedException(venue, held));
        }
        CompletableFuture<Void> granted = limiter.acquire(request.weight(), request.priority(), criticalWhileLimited);
        return granted.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS)
                .exceptionallyCompose(failure -> {
                    granted.cancel(false); // leaves the queue without spending budget
                    Duration wait = limiter.blockedFor(request.priority(), criticalWhileLimited);
                    LOG.warn("{} {}: not sent, no request budget ({}) within {} ms", venue, request.describe(),
                            limiter.name(), timeout.toMillis());
                    return CompletableFuture.failedFuture(new RateLimitedException(venue,
                            wait.isZero() ? DEFAULT_RETRY_AFTER : wait));
                })
                .thenCompose(ignored -> {
                    VenueRequest signed;
                    try {
                        signed = sign.apply(request);
                    } catch (ExchangeException e) {
                        return CompletableFuture.failedFuture(e);
                    }
                    return http.sendAsync(toHttpRequest(signed), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                            .handle((response, failure) -> answer(signed, response, failure));
                });
    }

    private VenueResponse answer(VenueRequest request, HttpResponse<String> response, Throwable failure) {
        if (failure != null) {
            throw new CompletionException(transportFailure(request, ExchangeException.unwrap(failure)));
        }
        VenueResponse answer = new VenueResponse(response.statusCode(), headers(response), response.body());
        if (answer.isSuccess()) {
            return answer;
        }
        ExchangeException error = httpFailure(request, answer);
        if (error instanceof RateLimitedException limited) {
            VenueRateLimits.answered(venue);
            limiter.limited(limited.retryAfter(), answer.status() == 418);
        }
        throw new CompletionException(error);
    }

    /** The budget every request of this client spends from. */
    public RateLimiter limiter() {
        return limiter;
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
