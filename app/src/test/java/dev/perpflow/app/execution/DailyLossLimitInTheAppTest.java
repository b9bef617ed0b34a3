package dev.perpflow.app.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perpflow.app.AppTestSupport;
import dev.perpflow.app.venue.VenueRegistry;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.execution.OrderIntent;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import dev.perpflow.risk.TradingState;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The loss kill switch in the running app: the default account loses more than its daily limit, is halted with its
 * working orders cancelled and its owner told, stays halted, and trades again only after an admin resumes it.
 */
class DailyLossLimitInTheAppTest extends AppTestSupport {

    private static final String KEY = "loss-limit-bootstrap-key-0123456789";

    @Override
    protected Properties extraProperties() {
        Properties properties = new Properties();
        properties.setProperty("perpflow.risk.max-daily-loss-usd", "50");
        properties.setProperty("perpflow.risk.loss-check-millis", "200");
        properties.setProperty("perpflow.api-key", KEY);
        return properties;
    }

    @Test
    void anAccountDownMoreThanItsLimitIsHaltedUntilAnAdminResumesIt() throws Exception {
        ExecutionCore core = context.getRegistry().lookupByNameAndType("executionCore", ExecutionCore.class);
        SimExchangeClient sim = (SimExchangeClient) context.getRegistry()
                .lookupByNameAndType("venueRegistry", VenueRegistry.class).client("sim-a").orElseThrow();
        await().atMost(Duration.ofSeconds(10)).until(() -> count("SELECT count(*) FROM daily_equity "
                + "WHERE account = 'default'") == 1);

        BigDecimal ask = sim.exchange().book("ETH", 1).bbo().orElseThrow().ask();
        core.gateway().submit(new OrderIntent("sim-a", OrderRequest.market("loss-1", "ETH", Side.BUY, BigDecimal.ONE,
                false), "test", ask, BigDecimal.ONE)).get(5, TimeUnit.SECONDS);
        BigDecimal low = ask.multiply(new BigDecimal("0.90")).setScale(1, java.math.RoundingMode.DOWN);
        core.gateway().submit(new OrderIntent("sim-a", OrderRequest.limit("loss-resting", "ETH", Side.BUY,
                new BigDecimal("0.1"), low, TimeInForce.GTC), "test", low, BigDecimal.ONE)).get(5, TimeUnit.SECONDS);
        assertThat(sim.exchange().openOrders(null)).hasSize(1);

        sim.exchange().setMid("ETH", ask.multiply(new BigDecimal("0.95")));   // about −150 USD on 1 ETH

        await().atMost(Duration.ofSeconds(15)).until(() -> core.gateway().tradingState() == TradingState.HALTED);
        // the state flips at once, the cancels follow it
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sim.exchange().openOrders(null))
                .as("the halt cancelled the working order").isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> count("SELECT count(*) FROM strategy_notifications "
                + "WHERE notification_type = 'halt' AND message LIKE '%daily loss limit%'") == 1);
        var status = JSON.readTree(send("GET", "/api/v1/status").body());
        assertThat(status.path("account_trading_states").path("default").path("state").asText()).isEqualTo("HALTED");
        assertThat(status.path("trading_state").asText()).as("other accounts trade on").isEqualTo("ACTIVE");
        assertThat(core.gateway().submit(new OrderIntent("sim-a", OrderRequest.market("loss-2", "ETH", Side.BUY,
                BigDecimal.ONE, false), "test", ask, BigDecimal.ONE)).handle((o, e) -> e).get(5, TimeUnit.SECONDS))
                .hasMessageContaining("halted");

        Thread.sleep(1_000);    // more checks: it stays halted (and is not halted twice)
        assertThat(core.gateway().tradingState()).isEqualTo(TradingState.HALTED);
        assertThat(count("SELECT count(*) FROM strategy_notifications WHERE notification_type = 'halt'"))
                .isEqualTo(1);

        var resumed = send("POST", "/api/v1/resume?account=default");
        assertThat(resumed.statusCode()).isEqualTo(200);
        assertThat(core.gateway().tradingState()).isEqualTo(TradingState.ACTIVE);
        Thread.sleep(1_000);    // the day counts again from the value at the resume
        assertThat(core.gateway().tradingState()).isEqualTo(TradingState.ACTIVE);
    }

    private java.net.http.HttpResponse<String> send(String method, String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port() + path)).header("X-API-Key", KEY)
                .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
