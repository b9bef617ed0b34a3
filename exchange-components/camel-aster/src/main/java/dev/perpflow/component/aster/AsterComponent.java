package dev.perpflow.component.aster;

import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.component.ExchangeComponent;
import dev.perpflow.exchange.component.ExchangeEndpoint;
import dev.perpflow.exchange.component.ExchangeOperation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/**
 * Camel component for Aster ({@code aster:funding}, {@code aster:submitOrder}, ...). Its options are those of
 * {@link AsterConfiguration}: URLs (production by default) and, for trading, the V1 API key and secret
 * ({@code authMode=HMAC_V1}, the default), a V3 API wallet ({@code authMode=API_WALLET_V3}: user, signer and the
 * signer's private key) or an {@code account} bean; an endpoint may set its own, to trade another account.
 */
@Component("aster")
public class AsterComponent extends ExchangeComponent {

    @Metadata(description = "The settings every endpoint starts from; an endpoint's own options override them.")
    private AsterConfiguration configuration = new AsterConfiguration();

    public AsterComponent() {
    }

    /** A component for a ready configuration (the app builds one per venue). */
    public AsterComponent(AsterConfiguration configuration) {
        this.configuration = configuration.copy();
    }

    @Override
    protected ExchangeEndpoint createEndpoint(String uri, ExchangeOperation operation) {
        return new AsterEndpoint(uri, this, operation, configuration.copy());
    }

    @Override
    protected ExchangeClient createClient() {
        return new AsterExchangeClient(configuration);
    }

    @Override
    protected Object clientKey() {
        return configuration.clientKey();
    }

    public AsterConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(AsterConfiguration configuration) {
        this.configuration = configuration;
        configurationChanged();
    }
}
