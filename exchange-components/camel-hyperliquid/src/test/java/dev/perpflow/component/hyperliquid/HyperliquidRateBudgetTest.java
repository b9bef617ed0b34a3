package dev.perpflow.component.hyperliquid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perpflow.exchange.error.RateLimitedException;
import dev.perpflow.testkit.FakeRequest;
import java.net.http.HttpClient;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hyperliquid's REST budget is request weight per minute (20 for most reads, 2 for {@code l2Book},
 * {@code clearinghouseState} and {@code orderStatus}): a client with a budget of 100 sends reads until their weights
 * use it up, then refuses the next one as rate limited without sending it.
 */
class HyperliquidRateBudgetTest {

    private final HyperliquidFixture fixture = new HyperliquidFixture();
    private HyperliquidExchangeClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
        fixture.close();
    }

    @Test
    void readsBeyondTheWeightBudgetAreRefusedWithoutBeingSent() {
        HyperliquidConfiguration config = fixture.config(HyperliquidCredentials.of(HyperliquidFixture.AGENT_KEY,
                HyperliquidFixture.ACCOUNT));
        config.setWeightPerMinute(100);
        client = new HyperliquidExchangeClient(config, HttpClient.newHttpClient(), Clock.systemUTC());

        // meta (20, the markets, once) and frontendOpenOrders (20 each): five reads use the budget of 100
        for (int i = 0; i < 4; i++) {
            client.openOrders(null).join();
        }
        assertThat(infoRequests()).isEqualTo(5);
        // the next waits for weight the refill cannot bring within the request timeout: refused, never sent
        assertThatThrownBy(() -> client.openOrders(null).join()).cause().isInstanceOf(RateLimitedException.class);
        assertThat(infoRequests()).isEqualTo(5);
    }

    private int infoRequests() {
        return (int) fixture.fake.server().requests().stream().map(FakeRequest::path).filter("/info"::equals).count();
    }
}
