package dev.perpflow.component.hyperliquid;

import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.component.ExchangeComponent;
import dev.perpflow.exchange.component.ExchangeEndpoint;
import dev.perpflow.exchange.component.ExchangeOperation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/**
 * Camel component for Hyperliquid ({@code hyperliquid:funding}, {@code hyperliquid:submitOrder}, ...). Its options
 * are those of {@link HyperliquidConfiguration}: URLs (production by default), mainnet or testnet and, for trading,
 * the signing key (the account's or an API wallet's) with the account address, or an {@code account} bean; an
 * endpoint may set its own, to trade another account.
 */
@Component("hyperliquid")
public class HyperliquidComponent extends ExchangeComponent {

    @Metadata(description = "The settings every endpoint starts from; an endpoint's own options override them.")
    private HyperliquidConfiguration configuration = new HyperliquidConfiguration();

    public HyperliquidComponent() {
    }

    /** A component for a ready configuration (the app builds one per venue). */
    public HyperliquidComponent(HyperliquidConfiguration configuration) {
        this.configuration = configuration.copy();
    }

    @Override
    protected ExchangeEndpoint createEndpoint(String uri, ExchangeOperation operation) {
        return new HyperliquidEndpoint(uri, this, operation, configuration.copy());
    }

    @Override
    protected ExchangeClient createClient() {
        return new HyperliquidExchangeClient(configuration);
    }

    @Override
    protected Object clientKey() {
        return configuration.clientKey();
    }

    public HyperliquidConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(HyperliquidConfiguration configuration) {
        this.configuration = configuration;
        configurationChanged();
    }
}
