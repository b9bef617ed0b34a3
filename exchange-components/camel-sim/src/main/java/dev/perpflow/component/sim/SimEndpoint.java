package dev.perpflow.component.sim;

import dev.perpflow.exchange.component.ExchangeEndpoint;
import dev.perpflow.exchange.component.ExchangeOperation;
import dev.perpflow.exchange.component.PerpConstants;
import org.apache.camel.Category;
import org.apache.camel.spi.UriEndpoint;

/** A simulated venue's endpoint: every operation of the shared venue endpoint, against the sim engine. */
@UriEndpoint(firstVersion = "0.1.0", scheme = "sim", title = "Simulated venue", syntax = "sim:operation",
             category = {Category.FINANCE}, headersClass = PerpConstants.class)
public class SimEndpoint extends ExchangeEndpoint {

    public SimEndpoint(String uri, SimComponent component, ExchangeOperation operation) {
        super(uri, component, operation);
    }
}
