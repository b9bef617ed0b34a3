package dev.perpflow.exchange.component;

import dev.perpflow.exchange.ExchangeClient;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.support.HealthCheckComponent;

/**
 * Base of every venue component: resolves {@code <venue>:<operation>} URIs and owns the venue's
 * {@link ExchangeClient}s: the component's own (from its configuration, or given) and one per other account that
 * endpoints name with their own credential options, so one Camel context trades several accounts of one venue.
 * A venue component supplies the clients and its endpoint type; everything else is here. Consumers report their
 * health to Camel's health checks ({@link HealthCheckComponent}).
 */
public abstract class ExchangeComponent extends HealthCheckComponent {

    @Metadata(label = "advanced", autowired = false,
              description = "The ExchangeClient to use. When not set the component creates one from its configuration.")
    private ExchangeClient client;

    private boolean ownsClient;
    /** Clients of accounts other than the component's, by {@link ExchangeEndpoint#clientKey()}. */
    private final Map<Object, ExchangeClient> accountClients = new HashMap<>();
    private Object clientKey;

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

    /**
     * What makes an endpoint's account the component's own (compared with {@link ExchangeEndpoint#clientKey()});
     * {@code null}, the default, when every endpoint uses the component's client.
     */
    protected Object clientKey() {
        return null;
    }

    /** Forgets the cached {@link #clientKey()} after the component's configuration changed. */
    protected synchronized void configurationChanged() {
        clientKey = null;
    }

    /** The client an endpoint trades with: the component's, or that of the other account the endpoint names. */
    synchronized ExchangeClient clientFor(ExchangeEndpoint endpoint) {
        Object key = endpoint.resolvedClientKey();
        if (key == null) {
            return getClient();
        }
        if (clientKey == null) {
            clientKey = clientKey();
        }
        if (key.equals(clientKey)) {
            return getClient();
        }
        return accountClients.computeIfAbsent(key, k -> endpoint.createOwnClient());
    }

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
        accountClients.values().forEach(ExchangeClient::close);
        accountClients.clear();
    }
}
