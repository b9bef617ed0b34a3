package dev.perpflow.app.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.app.AppTestSupport;
import dev.perpflow.app.accounts.AccountRepository;
import dev.perpflow.app.accounts.AuditLog;
import dev.perpflow.app.accounts.UserRepository;
import dev.perpflow.app.venue.VenueRegistry;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.execution.OrderIntent;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import dev.perpflow.risk.TradingState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The kill switch reaches every account: HALT cancels the working orders of the default account and of every
 * database account (each its own account at the simulated venue) and refuses their new orders; resume lifts it.
 * Failed before: the halt reached the default account's core only, and its cancels read only the default journal.
 */
class KillSwitchInTheAppTest extends AppTestSupport {

    private static final String KEY = "kill-switch-bootstrap-key-0123456789";

    @Override
    protected Properties extraProperties() {
        Properties properties = new Properties();
        properties.setProperty("perpflow.api-key", KEY);
        return properties;
    }

    @Test
    void haltCancelsTheWorkingOrdersOfEveryAccountAndRefusesTheirNewOnes() throws Exception {
        DataSource ds = dataSource();
        Clock clock = Clock.systemUTC();
        AuditLog audit = new AuditLog(ds, clock);
        UserRepository users = new UserRepository(ds, clock);
        AccountRepository accounts = new AccountRepository(ds, audit, clock);
        AccountTrading trading = context.getRegistry().lookupByNameAndType("accountTrading", AccountTrading.class);
        SimExchangeClient sim = (SimExchangeClient) context.getRegistry()
                .lookupByNameAndType("venueRegistry", VenueRegistry.class).client("sim-a").orElseThrow();
        List<String> names = new ArrayList<>(List.of("default"));
        for (String user : List.of("ann", "ben", "cat")) {
            accounts.create(users.create(user, false), "main", null, "test");
            names.add(user + "/main");
        }
        BigDecimal low = sim.exchange().book("ETH", 1).bbo().orElseThrow().bid().multiply(new BigDecimal("0.95"))
                .setScale(1, RoundingMode.DOWN);
        for (String account : names) {
            ExecutionCore core = trading.of(account).execution();
            for (int i = 0; i < 3; i++) {
                core.gateway().submit(new OrderIntent("sim-a", OrderRequest.limit(account.replace('/', '-') + "-" + i,
                        "ETH", Side.BUY, new BigDecimal("0.1"), low, TimeInForce.GTC), "test", low, BigDecimal.ONE))
                        .get(5, TimeUnit.SECONDS);
            }
        }
        for (String account : names) {
            String venueAccount = account.equals("default") ? "default" : account;
            assertThat(sim.exchange().openOrders(venueAccount, null)).as(account).hasSize(3);
        }

        HttpResponse<String> halt = send("POST", "/api/v1/halt");
        assertThat(halt.statusCode()).isEqualTo(200);
        var body = JSON.readTree(halt.body());
        assertThat(body.get("trading_state").asText()).isEqualTo("HALTED");
        assertThat(body.get("cancelled_orders")).hasSize(12);
        assertThat(body.get("failed_cancels").size()).isZero();
        for (String account : names) {
            assertThat(sim.exchange().openOrders(account, null)).as(account + " has nothing working").isEmpty();
            assertThat(trading.of(account).execution().gateway().tradingState()).isEqualTo(TradingState.HALTED);
            assertThat(trading.of(account).execution().gateway().submit(new OrderIntent("sim-a", OrderRequest.market(
                    account.replace('/', '-') + "-after", "ETH", Side.BUY, new BigDecimal("0.1"), false), "test", low,
                    BigDecimal.ONE)).handle((o, e) -> e).get(5, TimeUnit.SECONDS)).hasMessageContaining("halted");
        }

        assertThat(send("POST", "/api/v1/resume").statusCode()).isEqualTo(200);
        assertThat(trading.of("ann/main").execution().gateway().tradingState()).isEqualTo(TradingState.ACTIVE);
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                        .timeout(Duration.ofSeconds(30)).header("X-API-Key", KEY)
                        .method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
