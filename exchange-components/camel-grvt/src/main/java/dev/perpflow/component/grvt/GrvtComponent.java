package dev.perpflow.component.grvt;

import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.component.ExchangeComponent;
import dev.perpflow.exchange.component.ExchangeEndpoint;
import dev.perpflow.exchange.component.ExchangeOperation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/**
 * Camel component for GRVT ({@code grvt:funding}, {@code grvt:submitOrder}, ...). Its options are those of
 * {@link GrvtConfiguration}: the market-data, trading and login hosts (production by default), the environment and,
 * for trading, the trading account id, the signer's key and the API key, or an {@code account} bean; an endpoint may
 * set its own, to trade another account.
 */
@Component("grvt")
public class GrvtComponent extends ExchangeComponent {

    @Metadata(description = "The settings every endpoint starts from; an endpoint's own options override them.")
    private GrvtConfiguration configuration = new GrvtConfiguration();

    public GrvtComponent() {
    }

    /** A component for a ready configuration (the app builds one per venue). */
    public GrvtComponent(GrvtConfiguration configuration) {
        this.configuration = configuration.copy();
    }

    @Override
    protected ExchangeEndpoint createEndpoint(String uri, ExchangeOperation operation) {
        return new GrvtEndpoint(uri, this, operation, configuration.copy());
    }

    @Override
    protected ExchangeClient createClient() {
        return new GrvtExchangeClient(configuration);
    }

    @Override
    protected Object clientKey() {
        return configuration.clientKey();
    }

    public GrvtConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(GrvtConfiguration configuration) {
        this.configuration = configuration;
        configurationChanged();
    }
}
