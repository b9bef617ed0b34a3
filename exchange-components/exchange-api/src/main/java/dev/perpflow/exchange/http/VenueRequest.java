package dev.perpflow.exchange.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One REST call to a venue, with the exact query string and body bytes that are sent (signatures are computed over
 * them, so they are built once and never re-encoded).
 *
 * @param method        HTTP method
 * @param path          path below the venue's base URL, starting with {@code /}
 * @param query         raw query string without {@code ?}, or empty
 * @param body          raw body, or empty
 * @param contentType   body content type, or {@code null} without a body
 * @param headers       extra headers (API key, signature)
 * @param weight        request weight against the venue's rate limiter
 * @param clientOrderId set for order submits: a timeout or 5xx then means "outcome unknown" for that order
 * @param priority      {@link Priority#CRITICAL} for calls that bound exposure (cancels, hedges, rollbacks): served
 *                      before reads when the venue's budget is short
 */
public record VenueRequest(String method, String path, String query, String body, String contentType,
        Map<String, String> headers, int weight, String clientOrderId, Priority priority) {

    /** Which requests the venue's rate budget serves first when it is short. */
    public enum Priority {
        /** Order-critical: cancels, and submits that hedge or roll back a position. */
        CRITICAL,
        /** Everything else: reads, ordinary submits, housekeeping. */
        NORMAL
    }

    public VenueRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        priority = priority == null ? Priority.NORMAL : priority;
        query = query == null ? "" : query;
        body = body == null ? "" : body;
        headers = Map.copyOf(headers);
        if (weight < 1) {
            throw new IllegalArgumentException("weight must be >= 1, was " + weight);
        }
    }

    /** A request of normal priority. */
    public VenueRequest(String method, String path, String query, String body, String contentType,
            Map<String, String> headers, int weight, String clientOrderId) {
        this(method, path, query, body, contentType, headers, weight, clientOrderId, Priority.NORMAL);
    }

    public static VenueRequest get(String path, String query) {
        return new VenueRequest("GET", path, query, "", null, Map.of(), 1, null);
    }

    public VenueRequest withMethod(String newMethod) {
        return new VenueRequest(newMethod, path, query, body, contentType, headers, weight, clientOrderId, priority);
    }

    public VenueRequest withQuery(String newQuery) {
        return new VenueRequest(method, path, newQuery, body, contentType, headers, weight, clientOrderId, priority);
    }

    public VenueRequest withBody(String newBody, String newContentType) {
        return new VenueRequest(method, path, query, newBody, newContentType, headers, weight, clientOrderId, priority);
    }

    public VenueRequest withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new VenueRequest(method, path, query, body, contentType, copy, weight, clientOrderId, priority);
    }

    public VenueRequest withWeight(int newWeight) {
        return new VenueRequest(method, path, query, body, contentType, headers, newWeight, clientOrderId, priority);
    }

    /** Marks the request as the submit of this order: failures after sending become unknown outcomes. */
    public VenueRequest submitting(String orderId) {
        return new VenueRequest(method, path, query, body, contentType, headers, weight, orderId, priority);
    }

    /** The same request served first when the budget is short (see {@link Priority#CRITICAL}). */
    public VenueRequest critical() {
        return withPriority(Priority.CRITICAL);
    }

    public VenueRequest withPriority(Priority newPriority) {
        return new VenueRequest(method, path, query, body, contentType, headers, weight, clientOrderId, newPriority);
    }

    public boolean isCritical() {
        return priority == Priority.CRITICAL;
    }

    public boolean isOrderSubmit() {
        return clientOrderId != null;
    }

    /** {@code GET /fapi/v1/order} — for logs and messages; never includes headers (they carry keys). */
    public String describe() {
        return method + " " + path;
    }

    @Override
    public String toString() {
        return "VenueRequest[" + describe() + "]";
    }
}
