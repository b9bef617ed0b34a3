package dev.perpflow.component.paradex;

import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.component.ExchangeEndpoint;
import dev.perpflow.exchange.component.ExchangeOperation;
import dev.perpflow.exchange.component.PerpConstants;
import org.apache.camel.Category;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;

/**
 * Paradex perpetuals: funding polls, the order book and the account's private channels as consumers, trading and
 * account operations as producers. An endpoint with credential options of its own (an address and key, or an account
 * bean) trades that account with a client of its own.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "paradex", title = "Paradex", syntax = "paradex:operation",
             category = {Category.FINANCE}, headersClass = PerpConstants.class)
public class ParadexEndpoint extends ExchangeEndpoint {

    @UriParam
    private ParadexConfiguration configuration;

    public ParadexEndpoint(String uri, ParadexComponent component, ExchangeOperation operation,
            ParadexConfiguration configuration) {
        super(uri, component, operation);
        this.configuration = configuration;
    }

    @Override
    protected ParadexConfiguration venueConfiguration() {
        return configuration;
    }

    @Override
    protected ExchangeClient createOwnClient() {
        return new ParadexExchangeClient(configuration);
    }

    public ParadexConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ParadexConfiguration configuration) {
        this.configuration = configuration;
    }
}
