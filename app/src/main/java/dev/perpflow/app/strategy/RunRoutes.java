package dev.perpflow.app.strategy;

import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;

/**
 * The tick routes of one strategy's runs: one route per run, made from the strategy's YAML route template
 * ({@code funding-arb-run}, {@code grid-run}) with the run id and tick period, named {@code <template>-<run id>}.
 */
public final class RunRoutes {

    private final CamelContext context;
    private final String template;
    private final Duration tick;

    public RunRoutes(CamelContext context, String template, Duration tick) {
        this.context = context;
        this.template = template;
        this.tick = tick;
    }

    /** Adds (and so starts) the run's tick route. */
    public void add(String runId) {
        TemplatedRouteBuilder.builder(context, template).routeId(routeId(runId)).parameter("runId", runId)
                .parameter("tickMillis", String.valueOf(tick.toMillis())).add();
    }

    /** Stops and removes the run's tick route; not to be called from that route's own thread. */
    public void remove(String runId) throws Exception {
        context.getRouteController().stopRoute(routeId(runId));
        context.removeRoute(routeId(runId));
    }

    public String routeId(String runId) {
        return template + "-" + runId;
    }
}
