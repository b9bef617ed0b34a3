package dev.perpflow.app.metrics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.spi.Registry;

/**
 * The one Prometheus registry of the app, shared with Camel: camel-micrometer-prometheus ({@code camel.metrics.*} in
 * application.properties) puts Camel's route and exchange meters and the JVM binders into the registry bound as
 * {@value MicrometerConstants#METRICS_REGISTRY_NAME}, creating it if none is bound; perpflow's meters go into the
 * same one, so {@code GET /metrics} serves all of them in one scrape.
 */
public final class MeterRegistries {

    private MeterRegistries() {
    }

    /** The registry bound in Camel's registry, or a new one bound there now. */
    public static PrometheusMeterRegistry prometheus(Registry camelRegistry) {
        Object bound = camelRegistry.lookupByName(MicrometerConstants.METRICS_REGISTRY_NAME);
        if (bound instanceof PrometheusMeterRegistry prometheus) {
            return prometheus;
        }
        if (bound != null) {
            throw new IllegalStateException(MicrometerConstants.METRICS_REGISTRY_NAME + " is bound to a "
                    + bound.getClass().getName() + ", not a PrometheusMeterRegistry");
        }
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        camelRegistry.bind(MicrometerConstants.METRICS_REGISTRY_NAME, prometheus);
        return prometheus;
    }
}
