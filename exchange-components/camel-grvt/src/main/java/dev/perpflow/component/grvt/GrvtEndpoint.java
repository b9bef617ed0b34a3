package dev.perpflow.component.grvt;

import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.component.ExchangeEndpoint;
import dev.perpflow.exchange.component.ExchangeOperation;
import dev.perpflow.exchange.component.PerpConstants;
import org.apache.camel.Category;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;

/**
 * GRVT perpetuals: funding polls (each market's own interval), the order book and the account's order feeds as
 * consumers, trading and account operations as producers. An endpoint with credential options of its own trades that
 * account with a client of its own.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "grvt", title = "GRVT", syntax = "grvt:operation",
             category = {Category.FINANCE}, headersClass = PerpConstants.class)
public class GrvtEndpoint extends ExchangeEndpoint {

    @UriParam
    private GrvtConfiguration configuration;

    public GrvtEndpoint(String uri, GrvtComponent component, ExchangeOperation operation,
            GrvtConfiguration configuration) {
        super(uri, component, operation);
        this.configuration = configuration;
    }

    @Override
    protected GrvtConfiguration venueConfiguration() {
        return configuration;
    }

    @Override
    protected ExchangeClient createOwnClient() {
        return new GrvtExchangeClient(configuration);
    }

    public GrvtConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(GrvtConfiguration configuration) {
        this.configuration = configuration;
    }
}
