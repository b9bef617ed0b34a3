package dev.perpflow.app.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import org.apache.camel.Exchange;

/**
 * {@code GET /metrics} (routes/api-metrics.camel.yaml): the Prometheus text exposition of perpflow's, Camel's and the
 * JVM's meters. The route asks {@link #needsKey} first: the endpoint is behind the API key like the control API
 * (Prometheus sends it as {@code Authorization: Bearer <key>}), unless {@code perpflow.metrics.public=true}, which
 * opens it to requests from the loopback address only (a Prometheus on the same host, or an SSH tunnel) — never to
 * the network, whatever {@code perpflow.http.host} is.
 */
public class MetricsEndpoint {

    /** The Prometheus text format, version 0.0.4, which every Prometheus scrapes. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final PerpflowMetrics metrics;
    private final boolean publicOnLoopback;

    public MetricsEndpoint(PrometheusMeterRegistry registry, PerpflowMetrics metrics, boolean publicOnLoopback) {
        this.registry = registry;
        this.metrics = metrics;
        this.publicOnLoopback = publicOnLoopback;
    }

    /** Route predicate: whether this request must present an API key. */
    public boolean needsKey(Exchange exchange) {
        return !(publicOnLoopback && fromLoopback(exchange));
    }

    /** Route step: answers the scrape. */
    public void scrape(Exchange exchange) {
        metrics.refresh();
        String text = registry.scrape(CONTENT_TYPE);
        // request headers must not be echoed back as response headers
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, CONTENT_TYPE);
        exchange.getMessage().setBody(text);
    }

    private static boolean fromLoopback(Exchange exchange) {
        Object remote = exchange.getMessage().getHeader("CamelNettyRemoteAddress");
        return remote instanceof InetSocketAddress address && address.getAddress() != null
                && address.getAddress().isLoopbackAddress();
    }
}
