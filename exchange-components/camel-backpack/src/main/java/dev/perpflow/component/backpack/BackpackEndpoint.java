package dev.perpflow.component.backpack;

import dev.perpflow.exchange.component.ExchangeEndpoint;
import dev.perpflow.exchange.component.ExchangeOperation;
import dev.perpflow.exchange.component.PerpConstants;
import org.apache.camel.Category;
import org.apache.camel.spi.UriEndpoint;

/** {@code backpack:<operation>}: Backpack funding polls, book and account streams, and trading operations. */
@UriEndpoint(firstVersion = "0.1.0", scheme = "backpack", title = "Backpack", syntax = "backpack:operation",
             category = {Category.FINANCE}, headersClass = PerpConstants.class)
public class BackpackEndpoint extends ExchangeEndpoint {

    public BackpackEndpoint(String uri, BackpackComponent component, ExchangeOperation operation) {
        super(uri, component, operation);
    }
}
