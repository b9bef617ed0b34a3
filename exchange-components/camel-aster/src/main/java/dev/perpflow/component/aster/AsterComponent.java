package dev.perpflow.component.aster;

import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.component.ExchangeComponent;
import dev.perpflow.exchange.component.ExchangeEndpoint;
import dev.perpflow.exchange.component.ExchangeOperation;
import java.net.URI;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/**
 * Camel component for Aster ({@code aster:funding}, {@code aster:submitOrder}, ...). Configured with the REST and
 * stream URLs (production by default) and, for trading, the API key and secret; or given a ready
 * {@link AsterConfig}.
 */
@Component("aster")
public class AsterComponent extends ExchangeComponent {

    @Metadata(description = "REST base URL.", defaultValue = AsterConfig.PRODUCTION_REST_URL)
    private String restUrl = AsterConfig.PRODUCTION_REST_URL;

    @Metadata(description = "WebSocket base URL.", defaultValue = AsterConfig.PRODUCTION_WS_URL)
    private String wsUrl = AsterConfig.PRODUCTION_WS_URL;

    @Metadata(label = "security", secret = true, description = "API key (ASTER_API_KEY); needed for trading only.")
    private String apiKey;

    @Metadata(label = "security", secret = true, description = "API secret (ASTER_SECRET_KEY); needed for trading only.")
    private String secretKey;

    private AsterConfig config;

    public AsterComponent() {
    }

    public AsterComponent(AsterConfig config) {
        this.config = config;
    }

    @Override
    protected ExchangeEndpoint createEndpoint(String uri, ExchangeOperation operation) {
        return new AsterEndpoint(uri, this, operation);
    }

    @Override
    protected ExchangeClient createClient() {
        AsterConfig effective = config;
        if (effective == null) {
            AsterCredentials credentials = apiKey == null && secretKey == null ? null
                    : AsterCredentials.of(apiKey, secretKey);
            effective = AsterConfig.of(URI.create(restUrl), URI.create(wsUrl), credentials);
        }
        return new AsterExchangeClient(effective);
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

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }
}
