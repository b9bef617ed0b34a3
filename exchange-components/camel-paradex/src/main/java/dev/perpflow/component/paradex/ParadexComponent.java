package dev.perpflow.component.paradex;

import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.component.ExchangeComponent;
import dev.perpflow.exchange.component.ExchangeEndpoint;
import dev.perpflow.exchange.component.ExchangeOperation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/**
 * Camel component for Paradex ({@code paradex:funding}, {@code paradex:submitOrder}, ...). Its options are those of
 * {@link ParadexConfiguration}: URLs (production by default, {@code testnet=true} for the testnet), request timeout
 * and, for trading, the StarkNet account address and STARK key or an {@code account} bean; an endpoint may set its
 * own, to trade another account.
 */
@Component("paradex")
public class ParadexComponent extends ExchangeComponent {

    @Metadata(description = "The settings every endpoint starts from; an endpoint's own options override them.")
    private ParadexConfiguration configuration = new ParadexConfiguration();

    public ParadexComponent() {
    }

    /** A component for a ready configuration (the app builds one per venue). */
    public ParadexComponent(ParadexConfiguration configuration) {
        this.configuration = configuration.copy();
    }

    @Override
    protected ExchangeEndpoint createEndpoint(String uri, ExchangeOperation operation) {
        return new ParadexEndpoint(uri, this, operation, configuration.copy());
    }

    @Override
    protected ExchangeClient createClient() {
        return new ParadexExchangeClient(configuration);
    }

    @Override
    protected Object clientKey() {
        return configuration.clientKey();
    }

    /** The component's configuration as its client would use it (credentials checked). */
    public ParadexConfiguration effectiveConfiguration() {
        configuration.credentials();
        return configuration.copy();
    }

    public ParadexConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ParadexConfiguration configuration) {
        this.configuration = configuration;
        configurationChanged();
    }
}
