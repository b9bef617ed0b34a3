package dev.perpflow.component.lighter;

import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.component.ExchangeComponent;
import dev.perpflow.exchange.component.ExchangeEndpoint;
import dev.perpflow.exchange.component.ExchangeOperation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/**
 * Camel component for Lighter ({@code lighter:funding}, {@code lighter:submitOrder}, ...). Its options are those
 * of {@link LighterConfiguration}: URLs (mainnet by default, or the testnet), chain id, request timeout and budget
 * and, for trading, the API key (private key, account index, API key index) or an {@code account} bean; an endpoint
 * may set its own, to trade another account.
 */
@Component("lighter")
public class LighterComponent extends ExchangeComponent {

    @Metadata(description = "The settings every endpoint starts from; an endpoint's own options override them.")
    private LighterConfiguration configuration = new LighterConfiguration();

    public LighterComponent() {
    }

    /** A component for a ready configuration (the app builds one per venue). */
    public LighterComponent(LighterConfiguration configuration) {
        this.configuration = configuration.copy();
    }

    @Override
    protected ExchangeEndpoint createEndpoint(String uri, ExchangeOperation operation) {
        return new LighterEndpoint(uri, this, operation, configuration.copy());
    }

    @Override
    protected ExchangeClient createClient() {
        return new LighterExchangeClient(configuration);
    }

    @Override
    protected Object clientKey() {
        return configuration.clientKey();
    }

    /** The component's configuration as its client would use it (credentials checked). */
    public LighterConfiguration effectiveConfiguration() {
        configuration.credentials();
        return configuration.copy();
    }

    public LighterConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(LighterConfiguration configuration) {
        this.configuration = configuration;
        configurationChanged();
    }
}
