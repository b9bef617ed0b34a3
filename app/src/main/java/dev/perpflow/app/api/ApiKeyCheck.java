package dev.perpflow.app.api;

import dev.perpflow.app.accounts.ApiKeyRepository;
import dev.perpflow.app.accounts.Principal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Authenticates every control-API request by {@code X-API-Key} or {@code Authorization: Bearer}: the bootstrap admin
 * key ({@code PERPFLOW_API_KEY}, compared in constant time) or a user's API key from the database. The caller is put
 * in the exchange property {@value #PRINCIPAL} for the API beans; the key headers are removed so they can never be
 * echoed. A missing or wrong key answers 401 and stops the route.
 */
public class ApiKeyCheck implements Processor {

    public static final String PRINCIPAL = "perpflowPrincipal";
    static final String WHERE_KEYS_GO = "send it in the X-API-Key header or as Authorization: Bearer <key>";

    private final byte[] bootstrapKey;
    private final ApiKeyRepository keys;

    public ApiKeyCheck(String bootstrapKey, ApiKeyRepository keys) {
        this.bootstrapKey = bootstrapKey == null || bootstrapKey.isBlank() ? null
                : bootstrapKey.getBytes(StandardCharsets.UTF_8);
        this.keys = keys;
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
        if (exchange.getProperty(PerpflowHttpBinding.KEY_IN_URL, false, Boolean.class)) {
            refuse(exchange, "API keys are never accepted in the URL (it ends up in logs and histories): "
                    + WHERE_KEYS_GO + "; consider the key in this URL leaked and revoke it");
            return;
        }
        if (presented == null || presented.isBlank()) {
            refuse(exchange, "missing API key: " + WHERE_KEYS_GO);
            return;
        }
        Optional<Principal> principal = authenticate(presented);
        if (principal.isEmpty()) {
            refuse(exchange, "invalid API key (revoked, expired or unknown): " + WHERE_KEYS_GO);
            return;
        }
        exchange.setProperty(PRINCIPAL, principal.get());
    }

    /** The caller a key identifies: the bootstrap admin or a user with a live database key. */
    public Optional<Principal> authenticate(String presented) {
        if (bootstrapKey != null && MessageDigest.isEqual(bootstrapKey, presented.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(Principal.bootstrap());
        }
        return keys == null ? Optional.empty() : keys.authenticate(presented);
    }

    private static void refuse(Exchange exchange, String reason) {
        exchange.setRouteStop(true);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 401);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody("{\"detail\":\"" + reason + "\"}");
    }
}
