package dev.perpflow.app.routes;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * A bare Camel context with some of the YAML files of {@code routes/} (or {@code routes/examples/}) loaded, the beans
 * they refer to bound and the properties they use set: for testing one route at a time, its trigger replaced with
 * {@link #replaceFrom} before {@link #start}.
 */
final class YamlRoutes implements AutoCloseable {

    static final Path ROUTES = Path.of(System.getProperty("perpflow.routes-dir", "../routes"));

    private final DefaultCamelContext context = new DefaultCamelContext();

    YamlRoutes(Map<String, Object> beans, Map<String, String> properties, String... files) throws Exception {
        beans.forEach(context.getRegistry()::bind);
        Properties initial = new Properties();
        initial.putAll(properties);
        context.getPropertiesComponent().setInitialProperties(initial);
        for (String file : files) {
            PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveMandatoryResource(context,
                    "file:" + ROUTES.resolve(file).toAbsolutePath()));
        }
    }

    CamelContext context() {
        return context;
    }

    /** Replaces the route's consumer (a timer, quartz, an event queue) with {@code direct:<routeId>}. */
    YamlRoutes replaceFrom(String routeId) throws Exception {
        AdviceWith.adviceWith(context, routeId, route -> route.replaceFromWith("direct:" + routeId));
        return this;
    }

    /** Leaves a route of the loaded files out (one the test does not need, whose endpoints need more beans). */
    YamlRoutes without(String routeId) throws Exception {
        context.removeRouteDefinition(context.getRouteDefinition(routeId));
        return this;
    }

    YamlRoutes start() {
        context.start();
        return this;
    }

    /** Runs the route once with {@code body} and {@code headers}; returns the exchange's body afterwards. */
    Object send(String routeId, Object body, Map<String, Object> headers) {
        return context.createProducerTemplate().requestBodyAndHeaders("direct:" + routeId, body, headers);
    }

    @Override
    public void close() {
        context.stop();
    }
}
