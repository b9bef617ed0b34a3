package dev.perpflow.app.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perpflow.app.json.Json;
import dev.perpflow.app.accounts.ApiKeyRepository;
import dev.perpflow.app.accounts.Principal;
import dev.perpflow.app.security.ApiKeys;
import dev.perpflow.app.security.FailedAttempts;
import dev.perpflow.app.startup.StartupException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates every control-API request by the {@code X-API-Key} header or {@code Authorization: Bearer} (never by
 * the URL, see {@link PerpflowHttpBinding}): the bootstrap admin key ({@code PERPFLOW_API_KEY}, at least
 * {@value #MIN_BOOTSTRAP_LENGTH} characters, compared in constant time) or a user's API key from the database. The
 * caller is put in the exchange property {@value #PRINCIPAL} for the API beans; the key headers are removed so they
 * can never be echoed. A missing or wrong key answers 401 and stops the route; a client address with too many failed
 * attempts is answered 429 without any key being checked (keys already verified keep working).
 */
public class ApiKeyCheck implements Processor {

    public static final String PRINCIPAL = "perpflowPrincipal";
    public static final int MIN_BOOTSTRAP_LENGTH = 24;
    static final String WHERE_KEYS_GO = "send it in the X-API-Key header or as Authorization: Bearer <key>";
    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyCheck.class);
    private static final ObjectMapper JSON = Json.mapper();

    private final byte[] bootstrapKey;
    private final ApiKeyRepository keys;
    private final FailedAttempts failures;

    /**
     * @param bootstrapKey the admin key from the settings (empty: none); shorter than {@value #MIN_BOOTSTRAP_LENGTH}
     *                     characters stops startup
     */
    public ApiKeyCheck(String bootstrapKey, ApiKeyRepository keys, FailedAttempts failures) {
        requireUsableBootstrapKey(bootstrapKey);
        this.bootstrapKey = bootstrapKey == null || bootstrapKey.isBlank() ? null
                : bootstrapKey.strip().getBytes(StandardCharsets.UTF_8);
        this.keys = keys;
        this.failures = failures;
    }

    /** Stops startup when the bootstrap key is set but shorter than {@value #MIN_BOOTSTRAP_LENGTH} characters. */
    public static void requireUsableBootstrapKey(String bootstrapKey) {
        if (bootstrapKey != null && !bootstrapKey.isBlank() && bootstrapKey.strip().length() < MIN_BOOTSTRAP_LENGTH) {
            throw new StartupException("perpflow.api-key (PERPFLOW_API_KEY) is " + bootstrapKey.strip().length()
                    + " characters long; the bootstrap admin key must have at least " + MIN_BOOTSTRAP_LENGTH
                    + " (generate one with: openssl rand -hex 24), or leave it empty and use keys made with the "
                    + "admin CLI");
        }
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
            refuse(exchange, 401, "API keys are never accepted in the URL (it ends up in logs and histories): "
                    + WHERE_KEYS_GO + "; consider the key in this URL leaked and revoke it");
            return;
        }
        if (presented == null || presented.isBlank()) {
            refuse(exchange, 401, "missing API key: " + WHERE_KEYS_GO);
            return;
        }
        String client = clientAddress(exchange);
        Optional<Principal> principal = cheap(presented);
        if (principal.isEmpty() && !ApiKeys.looksLikeKey(presented)) {
            // not a user key's shape and not the bootstrap key: nothing to look up, nothing worth limiting
            refuse(exchange, 401, "invalid API key (revoked, expired or unknown): " + WHERE_KEYS_GO);
            return;
        }
        if (principal.isEmpty()) {
            Optional<Duration> blocked = failures.blockedFor(client);
            if (blocked.isPresent()) {
                long seconds = Math.max(1, blocked.get().toSeconds() + 1);
                exchange.getMessage().setHeader("Retry-After", seconds);
                refuse(exchange, 429, "too many failed API-key attempts from " + client + " (" + failures.limit()
                        + " in " + failures.window().toSeconds() + " s); retry in " + seconds + " s");
                return;
            }
            try {
                principal = keys == null ? Optional.empty() : keys.authenticate(presented);
            } catch (ApiKeyRepository.KeyCheckBusyException e) {
                exchange.getMessage().setHeader("Retry-After", 1);
                refuse(exchange, 503, e.getMessage());
                return;
            }
            if (principal.isEmpty()) {
                failures.failed(client);
                LOG.warn("Refused an invalid API key from {} ({} failed attempt(s) in the last {} s)", client,
                        failures.count(client), failures.window().toSeconds());
                refuse(exchange, 401, "invalid API key (revoked, expired or unknown): " + WHERE_KEYS_GO);
                return;
            }
        }
        exchange.setProperty(PRINCIPAL, principal.get());
    }

    /** The caller a key identifies: the bootstrap admin or a user with a live database key. */
    public Optional<Principal> authenticate(String presented) {
        Optional<Principal> principal = cheap(presented);
        return principal.isPresent() || keys == null ? principal : keys.authenticate(presented);
    }

    /**
     * A short fingerprint of the bootstrap key (the first 16 hex digits of its SHA-256), stored with a Telegram link
     * made with it so the link ends when the configured key changes; null without a bootstrap key.
     */
    public String bootstrapFingerprint() {
        if (bootstrapKey == null) {
            return null;
        }
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bootstrapKey))
                    .substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a link made with a user key ({@code keyId}) or the bootstrap key ({@code fingerprint}) still holds. */
    public boolean isLinkLive(Long keyId, String fingerprint) {
        if (keyId != null) {
            return keys != null && keys.isLive(keyId);
        }
        return fingerprint != null && fingerprint.equals(bootstrapFingerprint());
    }

    /** The bootstrap key, or a recently verified user key: no hashing. */
    private Optional<Principal> cheap(String presented) {
        if (bootstrapKey != null && MessageDigest.isEqual(bootstrapKey, presented.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(Principal.bootstrap());
        }
        return keys == null ? Optional.empty() : keys.cached(presented);
    }

    private static String clientAddress(Exchange exchange) {
        Object remote = exchange.getMessage().getHeader("CamelNettyRemoteAddress");
        if (remote instanceof InetSocketAddress address && address.getAddress() != null) {
            return address.getAddress().getHostAddress();
        }
        return remote == null ? "unknown" : String.valueOf(remote);
    }

    private static void refuse(Exchange exchange, int status, String reason) {
        exchange.setRouteStop(true);
        Object retryAfter = exchange.getMessage().getHeader("Retry-After");
        // request headers (query parameters included) must not be echoed back as response headers
        exchange.getMessage().removeHeaders("*");
        if (retryAfter != null) {
            exchange.getMessage().setHeader("Retry-After", retryAfter);
        }
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        try {
            exchange.getMessage().setBody(JSON.writeValueAsString(Map.of("detail", reason)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
