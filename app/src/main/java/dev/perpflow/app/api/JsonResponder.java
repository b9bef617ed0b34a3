package dev.perpflow.app.api;

import dev.perpflow.app.control.Refusal;
import dev.perpflow.app.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last step of every API route, and its error handler: turns an {@link ApiResponse} body, or a {@link Refusal} (a
 * bad parameter, something not found, ...) or an {@link ApiResponseException} raised on the way, into the HTTP
 * status and a JSON document ({@code {"detail": ...}}, plus {@code parameter} for a 400). Anything else is a logged 500 that reveals
 * no internals. Written with the application's one {@link Json} mapper: instants are ISO-8601 UTC strings and
 * decimals are written plainly, never in exponent notation.
 */
public class JsonResponder implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(JsonResponder.class);

    @Override
    public void process(Exchange exchange) throws Exception {
        ApiResponse response = responseOf(exchange);
        // request headers (query and path parameters included) must not be echoed back as response headers
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, response.status());
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(Json.mapper().writeValueAsString(response.body()));
    }

    private static ApiResponse responseOf(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure instanceof Refusal refusal) {
            return responseOf(refusal);
        }
        if (failure instanceof ApiResponseException answer) {
            return answer.response();
        }
        if (failure != null) {
            LOG.error("API request failed: {}", failure.toString(), failure);
            return new ApiResponse(500, Map.of("detail", "internal error: " + failure.getClass().getSimpleName()));
        }
        Object body = exchange.getMessage().getBody();
        return body instanceof ApiResponse r ? r : new ApiResponse(500, Map.of("detail", "no response produced"));
    }

    /** The status code of each kind of refusal. */
    static ApiResponse responseOf(Refusal refusal) {
        int status = switch (refusal.kind()) {
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            case INVALID -> 400;
            case CONFLICT -> 409;
            case LIMITED -> 429;
            case UNAVAILABLE -> 503;
        };
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("detail", refusal.getMessage());
        if (refusal.field() != null) {
            body.put("parameter", refusal.field());
        }
        return new ApiResponse(status, body);
    }
}
