package dev.perpflow.exchange.component;

import dev.perpflow.exchange.ExchangeClient;

/** The thinnest possible venue component, as a venue module would write it. */
class StubComponent extends ExchangeComponent {

    StubComponent(ExchangeClient client) {
        super(client);
    }

    @Override
    protected ExchangeEndpoint createEndpoint(String uri, ExchangeOperation operation) {
        return new ExchangeEndpoint(uri, this, operation) { };
    }

    @Override
    protected ExchangeClient createClient() {
        throw new IllegalStateException("the stub client is injected");
    }
}
