package dev.perpflow.component.hyperliquid;

import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.component.ExchangeEndpoint;
import dev.perpflow.exchange.component.ExchangeOperation;
import dev.perpflow.exchange.component.PerpConstants;
import org.apache.camel.Category;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;

/**
 * Hyperliquid perpetuals: funding polls (hourly rates), the order book and the account's order stream as consumers,
 * trading and account operations as producers. An endpoint with credential options of its own (a signing key and
 * account address, or an account bean) trades that account with a client of its own.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "hyperliquid", title = "Hyperliquid", syntax = "hyperliquid:operation",
             category = {Category.FINANCE}, headersClass = PerpConstants.class)
public class HyperliquidEndpoint extends ExchangeEndpoint {

    @UriParam
    private HyperliquidConfiguration configuration;

    public HyperliquidEndpoint(String uri, HyperliquidComponent component, ExchangeOperation operation,
            HyperliquidConfiguration configuration) {
        super(uri, component, operation);
        this.configuration = configuration;
    }

    @Override
    protected HyperliquidConfiguration venueConfiguration() {
        return configuration;
    }

    @Override
    protected ExchangeClient createOwnClient() {
        return new HyperliquidExchangeClient(configuration);
    }

    public HyperliquidConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(HyperliquidConfiguration configuration) {
        this.configuration = configuration;
    }
}
