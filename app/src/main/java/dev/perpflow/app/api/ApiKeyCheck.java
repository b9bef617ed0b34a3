package dev.perpflow.app.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * First step of every control-API route: the request must carry the bootstrap key ({@code perpflow.api-key},
 * env {@code PERPFLOW_API_KEY}) as {@code X-API-Key} or {@code Authorization: Bearer}; compared in constant time.
 * Without a configured key the control API refuses everything. (User API keys arrive with the accounts issue.)
 */
public class ApiKeyCheck implements Processor {

    private final byte[] key;

    public ApiKeyCheck(String key) {
        this.key = key == null || key.isBlank() ? null : key.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void process(Exchange exchange) {
        String presented = exchange.getMessage().getHeader("X-API-Key", String.class);
        String authorization = exchange.getMessage().getHeader("Authorization", String.class);
        if (presented == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            presented = authorization.substring(7).trim();
        }
        exchange.getMessage().removeHeader("X-API-Key");
        exchange.getMessage().removeHeader("Authorization");
        String refusal = key == null ? "the control API is disabled: set PERPFLOW_API_KEY"
                : presented == null ? "missing API key: send X-API-Key or Authorization: Bearer"
                : MessageDigest.isEqual(key, presented.getBytes(StandardCharsets.UTF_8)) ? null : "invalid API key";
        if (refusal != null) {
            exchange.setRouteStop(true);
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 401);
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
            exchange.getMessage().setBody("{\"detail\":\"" + refusal + "\"}");
        }
    }
}
