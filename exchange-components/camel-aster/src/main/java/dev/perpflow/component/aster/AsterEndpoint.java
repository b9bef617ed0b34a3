package dev.perpflow.component.aster;

import dev.perpflow.exchange.component.ExchangeEndpoint;
import dev.perpflow.exchange.component.ExchangeOperation;
import dev.perpflow.exchange.component.PerpConstants;
import org.apache.camel.Category;
import org.apache.camel.spi.UriEndpoint;

/** {@code aster:<operation>}: Aster funding polls, book and user streams, and trading operations. */
@UriEndpoint(firstVersion = "0.1.0", scheme = "aster", title = "Aster", syntax = "aster:operation",
             category = {Category.FINANCE}, headersClass = PerpConstants.class)
public class AsterEndpoint extends ExchangeEndpoint {

    public AsterEndpoint(String uri, AsterComponent component, ExchangeOperation operation) {
        super(uri, component, operation);
    }
}
