package dev.perpflow.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.app.AppTestSupport;
import java.net.http.HttpResponse;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@code perpflow.metrics.public=true}: a scrape from loopback needs no key; the control API still does. */
class MetricsPublicOnLoopbackTest extends AppTestSupport {

    @Override
    protected Properties extraProperties() {
        Properties properties = new Properties();
        properties.setProperty("perpflow.api-key", "test-bootstrap-key-0123456789abcdef");
        properties.setProperty("perpflow.metrics.public", "true");
        return properties;
    }

    @Test
    void aScrapeFromLoopbackNeedsNoKeyWhenMetricsArePublic() throws Exception {
        HttpResponse<String> metrics = get("/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/plain; version=0.0.4"));
        assertThat(metrics.body()).contains("perpflow_trading_state{account=\"default\"} 0.0")
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void publicMetricsOpenNothingElse() throws Exception {
        assertThat(get("/api/v1/status").statusCode()).isEqualTo(401);
    }
}
