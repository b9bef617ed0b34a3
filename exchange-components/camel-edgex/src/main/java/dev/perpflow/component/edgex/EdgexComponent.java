package dev.perpflow.component.edgex;

import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.component.ExchangeComponent;
import dev.perpflow.exchange.component.ExchangeEndpoint;
import dev.perpflow.exchange.component.ExchangeOperation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/**
 * Camel component for EdgeX (API v2) ({@code edgex:funding}, {@code edgex:submitOrder}, ...). Its options are those of
 * {@link EdgexConfiguration}: URLs (EdgeX v2 production by default), request timeout and, for trading, the account
 * id, API key and trading key or an {@code account} bean; an endpoint may set its own, to trade another account.
 */
@Component("edgex")
public class EdgexComponent extends ExchangeComponent {

    @Metadata(description = "The settings every endpoint starts from; an endpoint's own options override them.")
    private EdgexConfiguration configuration = new EdgexConfiguration();

    public EdgexComponent() {
    }

    /** A component for a ready configuration (the app builds one per venue). */
    public EdgexComponent(EdgexConfiguration configuration) {
        this.configuration = configuration.copy();
    }

    @Override
    protected ExchangeEndpoint createEndpoint(String uri, ExchangeOperation operation) {
        return new EdgexEndpoint(uri, this, operation, configuration.copy());
    }

    @Override
    protected ExchangeClient createClient() {
        return new EdgexExchangeClient(configuration);
    }

    @Override
    protected Object clientKey() {
        return configuration.clientKey();
    }

    /** The component's configuration as its client would use it (credentials checked). */
    public EdgexConfiguration effectiveConfiguration() {
        configuration.credentials();
        return configuration.copy();
    }

    public EdgexConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(EdgexConfiguration configuration) {
        this.configuration = configuration;
        configurationChanged();
    }
}
