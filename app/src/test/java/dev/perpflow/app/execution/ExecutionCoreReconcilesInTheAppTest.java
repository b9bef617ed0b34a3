package dev.perpflow.app.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perpflow.app.AppTestSupport;
import dev.perpflow.app.venue.VenueRegistry;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.execution.OrderIntent;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * In the running app, an order sent through the execution core is journaled in PostgreSQL, and a fill that
 * happens while the venue's stream is down is picked up by the reconcile route.
 */
class ExecutionCoreReconcilesInTheAppTest extends AppTestSupport {

    @Override
    protected Properties extraProperties() {
        Properties properties = new Properties();
        properties.setProperty("perpflow.execution.reconcile-tick-millis", "200");
        return properties;
    }

    @Test
    void aFillMissedByTheStreamIsReconciledIntoTheJournal() throws Exception {
        ExecutionCore core = context.getRegistry().lookupByNameAndType("executionCore", ExecutionCore.class);
        SimExchangeClient sim = (SimExchangeClient) context.getRegistry()
                .lookupByNameAndType("venueRegistry", VenueRegistry.class).client("sim-a").orElseThrow();
        BigDecimal bid = sim.exchange().book("ETH", 1).bbo().orElseThrow().bid();
        BigDecimal price = bid.subtract(new BigDecimal("5"));
        Order placed = core.gateway().submit(new OrderIntent("sim-a", OrderRequest.limit("app-rec-1", "ETH", Side.BUY,
                new BigDecimal("0.5"), price, TimeInForce.GTC), "test", price, BigDecimal.ONE)).get(5, TimeUnit.SECONDS);
        assertThat(placed.status()).isEqualTo(OrderStatus.OPEN);
        assertThat(status("app-rec-1")).isEqualTo("OPEN");

        sim.dropStreams();
        sim.exchange().setMid("ETH", price.subtract(new BigDecimal("10")));
        sim.exchange().setMid("ETH", price.subtract(new BigDecimal("10")));
        sim.exchange().setMid("ETH", price.subtract(new BigDecimal("10")));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(status("app-rec-1")).isEqualTo("FILLED");
            assertThat(count("SELECT count(*) FROM fills WHERE client_order_id = 'app-rec-1'")).isPositive();
        });
    }

    private String status(String clientOrderId) throws Exception {
        try (Connection c = dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT status FROM orders WHERE client_order_id = ?")) {
            ps.setString(1, clientOrderId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
