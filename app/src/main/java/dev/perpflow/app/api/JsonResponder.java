package dev.perpflow.app.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.core.JsonGenerator;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last step of every API route, and its error handler: turns an {@link ApiResponse} body, or a
 * {@link BadRequestException} / {@link NotFoundException} raised on the way, into the HTTP status and a JSON
 * document. Anything else is a logged 500 that reveals no internals.
 * Instants are ISO-8601 UTC strings and decimals are written plainly, never in exponent notation.
 */
public class JsonResponder implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(JsonResponder.class);

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    @Override
    public void process(Exchange exchange) throws Exception {
        ApiResponse response = responseOf(exchange);
        // request headers (query and path parameters included) must not be echoed back as response headers
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, response.status());
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(mapper.writeValueAsString(response.body()));
    }

    private static ApiResponse responseOf(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure instanceof BadRequestException bad) {
            return bad.toResponse();
        }
        if (failure instanceof ApiResponseException answer) {
            return answer.response();
        }
        if (failure instanceof NotFoundException notFound) {
            return notFound.toResponse();
        }
        if (failure != null) {
            LOG.error("API request failed: {}", failure.toString(), failure);
            return new ApiResponse(500, Map.of("detail", "internal error: " + failure.getClass().getSimpleName()));
        }
        Object body = exchange.getMessage().getBody();
        return body instanceof ApiResponse r ? r : new ApiResponse(500, Map.of("detail", "no response produced"));
    }
}
