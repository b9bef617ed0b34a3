package dev.perpflow.component.aster;

import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.component.ExchangeEndpoint;
import dev.perpflow.exchange.component.ExchangeOperation;
import dev.perpflow.exchange.component.PerpConstants;
import org.apache.camel.Category;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;

/**
 * Aster perpetual futures: funding polls, the order book and the account's order stream as consumers, trading and
 * account operations as producers. An endpoint with credential options of its own (an API key and secret, a V3 API
 * wallet, or an account bean) trades that account with a client of its own.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "aster", title = "Aster", syntax = "aster:operation",
             category = {Category.FINANCE}, headersClass = PerpConstants.class)
public class AsterEndpoint extends ExchangeEndpoint {

    @UriParam
    private AsterConfiguration configuration;

    public AsterEndpoint(String uri, AsterComponent component, ExchangeOperation operation,
            AsterConfiguration configuration) {
        super(uri, component, operation);
        this.configuration = configuration;
    }

    @Override
    protected AsterConfiguration venueConfiguration() {
        return configuration;
    }

    @Override
    protected ExchangeClient createOwnClient() {
        return new AsterExchangeClient(configuration);
    }

    public AsterConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(AsterConfiguration configuration) {
        this.configuration = configuration;
    }
}
