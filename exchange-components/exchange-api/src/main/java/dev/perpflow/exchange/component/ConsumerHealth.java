package dev.perpflow.exchange.component;

import java.util.Map;
import java.util.function.Consumer;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.URISupport;

/**
 * The Camel health check of a venue stream consumer: what the consumer knows of its stream (connected, the last
 * book's age) as UP or DOWN with a message, reported through Camel's consumer health checks (and so in
 * {@code /observe/health} or the app's {@code /health}). Installed when the component has consumer health checks
 * enabled ({@link HealthCheckComponent#isHealthCheckConsumerEnabled()}, the default).
 */
final class ConsumerHealth implements HealthCheck {

    private final String id;
    private final String uri;
    private final Consumer<HealthCheckResultBuilder> state;
    private volatile boolean enabled = true;

    private ConsumerHealth(DefaultConsumer consumer, Consumer<HealthCheckResultBuilder> state) {
        this.uri = URISupport.sanitizeUri(consumer.getEndpoint().getEndpointUri());
        this.id = "venue-consumer:" + uri;
        this.state = state;
    }

    /** Installs the check on {@code consumer} when its component wants consumer health checks. */
    static void install(DefaultConsumer consumer, Consumer<HealthCheckResultBuilder> state) {
        if (consumer.getEndpoint().getComponent() instanceof HealthCheckComponent component
                && component.isHealthCheckConsumerEnabled()) {
            consumer.setHealthCheck(new ConsumerHealth(consumer, state));
        }
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this).detail(ENDPOINT_URI, uri);
        state.accept(builder);
        return builder.build();
    }

    @Override
    public String getGroup() {
        return "venue";
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
