package dev.perpflow.component.grvt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perpflow.exchange.error.RateLimitedException;
import java.net.http.HttpClient;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * GRVT's REST budget is counted in requests per minute, one budget shared by the market-data, trading and login hosts
 * of a client: with a budget of 6, reads go out until six requests were sent, then the next is refused as rate
 * limited without being sent.
 */
class GrvtRateBudgetTest {

    private final GrvtFixture fixture = new GrvtFixture();
    private GrvtExchangeClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
        fixture.close();
    }

    @Test
    void requestsBeyondTheBudgetAreRefusedWithoutBeingSent() {
        GrvtConfiguration config = fixture.config(GrvtCredentials.of(GrvtFixture.SUB_ACCOUNT,
                GrvtFixture.PRIVATE_KEY, GrvtFixture.API_KEY));
        config.setRequestsPerMinute(6);
        client = new GrvtExchangeClient(config, HttpClient.newHttpClient(), Clock.systemUTC());

        int reads = 0;
        RuntimeException refused = null;
        while (refused == null && reads < 10) {
            try {
                client.orderBook("ETH", 5).join();
                client.balances().join();
                reads++;
            } catch (RuntimeException e) {
                refused = e;
            }
        }
        assertThat(refused).isNotNull().cause().isInstanceOf(RateLimitedException.class);
        assertThat(sent()).isEqualTo(6);
        assertThatThrownBy(() -> client.orderBook("ETH", 5).join()).cause().isInstanceOf(RateLimitedException.class);
        assertThat(sent()).isEqualTo(6);
    }

    private int sent() {
        return fixture.fake.marketDataServer().requests().size() + fixture.fake.tradesServer().requests().size()
                + fixture.fake.authServer().requests().size();
    }
}
