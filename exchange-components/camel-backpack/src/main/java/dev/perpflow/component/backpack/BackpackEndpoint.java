package dev.perpflow.component.backpack;

import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.component.ExchangeEndpoint;
import dev.perpflow.exchange.component.ExchangeOperation;
import dev.perpflow.exchange.component.PerpConstants;
import org.apache.camel.Category;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;

/**
 * Backpack perpetuals: funding polls, the order book and the account's order stream as consumers, trading and
 * account operations as producers. An endpoint with credential options of its own (a key pair or an account bean)
 * trades that account with a client of its own.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "backpack", title = "Backpack", syntax = "backpack:operation",
             category = {Category.FINANCE}, headersClass = PerpConstants.class)
public class BackpackEndpoint extends ExchangeEndpoint {

    @UriParam
    private BackpackConfiguration configuration;

    public BackpackEndpoint(String uri, BackpackComponent component, ExchangeOperation operation,
            BackpackConfiguration configuration) {
        super(uri, component, operation);
        this.configuration = configuration;
    }

    @Override
    protected BackpackConfiguration venueConfiguration() {
        return configuration;
    }

    @Override
    protected ExchangeClient createOwnClient() {
        return new BackpackExchangeClient(configuration);
    }

    public BackpackConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(BackpackConfiguration configuration) {
        this.configuration = configuration;
    }
}
