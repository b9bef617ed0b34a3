package dev.perpflow.component.backpack;

import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.component.ExchangeComponent;
import dev.perpflow.exchange.component.ExchangeEndpoint;
import dev.perpflow.exchange.component.ExchangeOperation;
import java.net.URI;
import java.time.Duration;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/**
 * Camel component for Backpack ({@code backpack:funding}, {@code backpack:submitOrder}, ...). Configured with the
 * REST and stream URLs (production by default), the request timeout and, for trading, the Ed25519 key pair; or
 * given a ready {@link BackpackConfiguration}. Backpack has no documented public testnet, hence no testnet option.
 */
@Component("backpack")
public class BackpackComponent extends ExchangeComponent {

    @Metadata(description = "REST base URL.", defaultValue = BackpackConfiguration.PRODUCTION_REST_URL)
    private String restUrl = BackpackConfiguration.PRODUCTION_REST_URL;

    @Metadata(description = "WebSocket URL.", defaultValue = BackpackConfiguration.PRODUCTION_WS_URL)
    private String wsUrl = BackpackConfiguration.PRODUCTION_WS_URL;

    @Metadata(label = "security", secret = true,
              description = "Base64 Ed25519 public key (BACKPACK_PUBLIC_KEY, the X-API-Key); needed for trading only.")
    private String publicKey;

    @Metadata(label = "security", secret = true,
              description = "Base64 32-byte Ed25519 secret seed (BACKPACK_SECRET_KEY); needed for trading only.")
    private String secretKey;

    @Metadata(defaultValue = "10000", description = "Timeout of one REST call (milliseconds).")
    private long requestTimeout = BackpackConfiguration.DEFAULT_REQUEST_TIMEOUT.toMillis();

    @Metadata(label = "advanced", defaultValue = "5000",
              description = "Validity window of a signed request (X-Window, milliseconds, at most 60000).")
    private long window = BackpackConfiguration.DEFAULT_WINDOW.toMillis();

    private BackpackConfiguration configuration;

    public BackpackComponent() {
    }

    /** A component for a ready configuration (the app builds one per account). */
    public BackpackComponent(BackpackConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    protected ExchangeEndpoint createEndpoint(String uri, ExchangeOperation operation) {
        return new BackpackEndpoint(uri, this, operation);
    }

    @Override
    protected ExchangeClient createClient() {
        return new BackpackExchangeClient(effectiveConfiguration());
    }

    /** The configuration given, else one from this component's options (credentials checked as a key pair). */
    public BackpackConfiguration effectiveConfiguration() {
        if (configuration != null) {
            return configuration;
        }
        BackpackCredentials credentials = isBlank(publicKey) && isBlank(secretKey) ? null
                : BackpackCredentials.of(publicKey, secretKey);
        return BackpackConfiguration.of(URI.create(restUrl), URI.create(wsUrl), credentials)
                .withRequestTimeout(Duration.ofMillis(requestTimeout)).withWindow(Duration.ofMillis(window));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    public String getRestUrl() {
        return restUrl;
    }

    public void setRestUrl(String restUrl) {
        this.restUrl = restUrl;
    }

    public String getWsUrl() {
        return wsUrl;
    }

    public void setWsUrl(String wsUrl) {
        this.wsUrl = wsUrl;
    }

    public String getPublicKey() {
        return publicKey;
    }

    public void setPublicKey(String publicKey) {
        this.publicKey = publicKey;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public long getWindow() {
        return window;
    }

    public void setWindow(long window) {
        this.window = window;
    }
}
