package dev.perpflow.exchange.component;

import dev.perpflow.exchange.ExchangeClient;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.support.DefaultComponent;

/**
 * Base of every venue component: resolves {@code <venue>:<operation>} URIs and owns the venue's
 * {@link ExchangeClient}. A venue component supplies the client and its endpoint type; everything else is here.
 */
public abstract class ExchangeComponent extends DefaultComponent {

    @Metadata(label = "advanced", autowired = false,
              description = "The ExchangeClient to use. When not set the component creates one from its configuration.")
    private ExchangeClient client;

    private boolean ownsClient;

    protected ExchangeComponent() {
    }

    protected ExchangeComponent(ExchangeClient client) {
        this.client = client;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        ExchangeOperation operation = ExchangeOperation.fromUriName(remaining)
                .orElseThrow(() -> new ResolveEndpointFailedException(uri,
                        "unknown operation '" + remaining + "'; expected one of " + ExchangeOperation.allUriNames()));
        ExchangeEndpoint endpoint = createEndpoint(uri, operation);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** Creates the venue's endpoint for an operation; URI parameters are applied afterwards. */
    protected abstract ExchangeEndpoint createEndpoint(String uri, ExchangeOperation operation);

    /** Creates the client from the component's configuration when none was injected. */
    protected abstract ExchangeClient createClient();

    /** The venue's client, created on first use. */
    public synchronized ExchangeClient getClient() {
        if (client == null) {
            client = createClient();
            ownsClient = true;
        }
        return client;
    }

    public synchronized void setClient(ExchangeClient client) {
        this.client = client;
        this.ownsClient = false;
    }

    /** Uses {@code client} and closes it when the component stops (for a client built for this component alone). */
    public synchronized void adoptClient(ExchangeClient client) {
        this.client = client;
        this.ownsClient = true;
    }

    @Override
    protected synchronized void doStop() throws Exception {
        super.doStop();
        if (ownsClient && client != null) {
            client.close();
            client = null;
            ownsClient = false;
        }
    }
}
