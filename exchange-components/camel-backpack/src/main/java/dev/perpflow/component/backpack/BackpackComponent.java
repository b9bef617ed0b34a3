package dev.perpflow.component.backpack;

import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.component.ExchangeComponent;
import dev.perpflow.exchange.component.ExchangeEndpoint;
import dev.perpflow.exchange.component.ExchangeOperation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/**
 * Camel component for Backpack ({@code backpack:funding}, {@code backpack:submitOrder}, ...). Its options are those
 * of {@link BackpackConfiguration}: URLs (production by default), request timeout, signature window and, for
 * trading, the Ed25519 key pair or an {@code account} bean; an endpoint may set its own, to trade another account.
 * Backpack has no documented public testnet, hence no testnet option.
 */
@Component("backpack")
public class BackpackComponent extends ExchangeComponent {

    @Metadata(description = "The settings every endpoint starts from; an endpoint's own options override them.")
    private BackpackConfiguration configuration = new BackpackConfiguration();

    public BackpackComponent() {
    }

    /** A component for a ready configuration (the app builds one per venue). */
    public BackpackComponent(BackpackConfiguration configuration) {
        this.configuration = configuration.copy();
    }

    @Override
    protected ExchangeEndpoint createEndpoint(String uri, ExchangeOperation operation) {
        return new BackpackEndpoint(uri, this, operation, configuration.copy());
    }

    @Override
    protected ExchangeClient createClient() {
        return new BackpackExchangeClient(configuration);
    }

    @Override
    protected Object clientKey() {
        return configuration.clientKey();
    }

    /** The component's configuration as its client would use it (credentials checked as a key pair). */
    public BackpackConfiguration effectiveConfiguration() {
        configuration.credentials();
        return configuration.copy();
    }

    public BackpackConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(BackpackConfiguration configuration) {
        this.configuration = configuration;
        configurationChanged();
    }
}
