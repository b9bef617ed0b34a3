package dev.perpflow.component.sim;

import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.component.ExchangeComponent;
import dev.perpflow.exchange.component.ExchangeEndpoint;
import dev.perpflow.exchange.component.ExchangeOperation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;

/**
 * Camel component for a simulated venue ({@code sim:funding}, {@code sim:submitOrder}, ...). Several venues run
 * side by side by registering one instance per venue under the venue's name ({@code sim-a:funding}).
 */
@Component("sim")
public class SimComponent extends ExchangeComponent {

    @Metadata(description = "Name the simulated venue reports (used when no SimVenueConfig is given).",
              defaultValue = "sim")
    private String venueName = "sim";

    @Metadata(description = "Random seed of the price and funding processes (used when no SimVenueConfig is given).",
              defaultValue = "1")
    private long seed = 1;

    private SimVenueConfig config;

    public SimComponent() {
    }

    public SimComponent(SimVenueConfig config) {
        this.config = config;
    }

    @Override
    protected ExchangeEndpoint createEndpoint(String uri, ExchangeOperation operation) {
        return new SimEndpoint(uri, this, operation);
    }

    @Override
    protected ExchangeClient createClient() {
        SimExchangeClient client = SimExchangeClient.realTime(config != null ? config
                : SimVenueConfig.defaults(venueName, seed));
        client.start();
        return client;
    }

    public String getVenueName() {
        return venueName;
    }

    public void setVenueName(String venueName) {
        this.venueName = venueName;
    }

    public long getSeed() {
        return seed;
    }

    public void setSeed(long seed) {
        this.seed = seed;
    }
}
