package dev.perpflow.component.edgex;

import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.component.ExchangeEndpoint;
import dev.perpflow.exchange.component.ExchangeOperation;
import dev.perpflow.exchange.component.PerpConstants;
import org.apache.camel.Category;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;

/**
 * EdgeX perpetuals (API v2): funding polls, the order book and the account's private channels as consumers, trading and
 * account operations as producers. An endpoint with credential options of its own (API key and trading key, or an account
 * bean) trades that account with a client of its own.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "edgex", title = "EdgeX", syntax = "edgex:operation",
             category = {Category.FINANCE}, headersClass = PerpConstants.class)
public class EdgexEndpoint extends ExchangeEndpoint {

    @UriParam
    private EdgexConfiguration configuration;

    public EdgexEndpoint(String uri, EdgexComponent component, ExchangeOperation operation,
            EdgexConfiguration configuration) {
        super(uri, component, operation);
        this.configuration = configuration;
    }

    @Override
    protected EdgexConfiguration venueConfiguration() {
        return configuration;
    }

    @Override
    protected ExchangeClient createOwnClient() {
        return new EdgexExchangeClient(configuration);
    }

    public EdgexConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(EdgexConfiguration configuration) {
        this.configuration = configuration;
    }
}
