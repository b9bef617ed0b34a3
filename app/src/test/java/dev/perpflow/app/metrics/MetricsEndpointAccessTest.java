package dev.perpflow.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/**
 * Who may scrape without a key: with {@code perpflow.metrics.public=true} requests from the loopback address only
 * (the app test {@link MetricsPublicOnLoopbackTest} shows it over HTTP; a request from another address cannot be made
 * from this machine's tests, so the decision is shown here on the remote address netty-http reports).
 */
class MetricsEndpointAccessTest {

    private static final PerpflowMetrics METRICS =
            new PerpflowMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));

    private static Exchange from(String address) throws Exception {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        if (address != null) {
            exchange.getMessage().setHeader("CamelNettyRemoteAddress",
                    new InetSocketAddress(InetAddress.getByName(address), 40_000));
        }
        return exchange;
    }

    private static MetricsEndpoint endpoint(boolean publicOnLoopback) {
        return new MetricsEndpoint((PrometheusMeterRegistry) METRICS.registry(), METRICS, publicOnLoopback);
    }

    @Test
    void publicMetricsNeedNoKeyFromLoopbackOnly() throws Exception {
        MetricsEndpoint open = endpoint(true);

        assertThat(open.needsKey(from("127.0.0.1"))).isFalse();
        assertThat(open.needsKey(from("::1"))).isFalse();
        assertThat(open.needsKey(from("192.0.2.10"))).isTrue();
        assertThat(open.needsKey(from("2001:db8::1"))).isTrue();
        assertThat(open.needsKey(from(null))).as("no remote address known").isTrue();
    }

    @Test
    void metricsThatAreNotPublicNeedTheKeyEvenFromLoopback() throws Exception {
        assertThat(endpoint(false).needsKey(from("127.0.0.1"))).isTrue();
        assertThat(endpoint(false).needsKey(from("::1"))).isTrue();
    }

    @Test
    void theScrapeAnswersInTheTextFormatWithoutEchoingRequestHeaders() throws Exception {
        Exchange exchange = from("127.0.0.1");
        exchange.getMessage().setHeader("X-Custom", "echo me");
        METRICS.fundingRoundFailed("sim-z");

        endpoint(false).scrape(exchange);

        assertThat(exchange.getMessage().getHeader(Exchange.CONTENT_TYPE))
                .isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(200);
        assertThat(exchange.getMessage().getHeader("X-Custom")).isNull();
        assertThat(exchange.getMessage().getBody(String.class))
                .contains("perpflow_funding_rounds_total{outcome=\"failed\",venue=\"sim-z\"} 1.0");
    }
}
