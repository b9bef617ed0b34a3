package dev.perpflow.component.lighter;

import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.component.ExchangeEndpoint;
import dev.perpflow.exchange.component.ExchangeOperation;
import dev.perpflow.exchange.component.PerpConstants;
import org.apache.camel.Category;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;

/**
 * Lighter (zkLighter) perpetuals: funding polls, the order book and the account's order stream as consumers, trading
 * and account operations as producers (orders are Schnorr-signed transactions). An endpoint with credential options
 * of its own (an API key or an account bean) trades that account with a client of its own.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "lighter", title = "Lighter", syntax = "lighter:operation",
             category = {Category.FINANCE}, headersClass = PerpConstants.class)
public class LighterEndpoint extends ExchangeEndpoint {

    @UriParam
    private LighterConfiguration configuration;

    public LighterEndpoint(String uri, LighterComponent component, ExchangeOperation operation,
            LighterConfiguration configuration) {
        super(uri, component, operation);
        this.configuration = configuration;
    }

    @Override
    protected LighterConfiguration venueConfiguration() {
        return configuration;
    }

    @Override
    protected ExchangeClient createOwnClient() {
        return new LighterExchangeClient(configuration);
    }

    public LighterConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(LighterConfiguration configuration) {
        this.configuration = configuration;
    }
}
