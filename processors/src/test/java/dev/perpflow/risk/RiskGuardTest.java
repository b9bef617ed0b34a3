package dev.perpflow.risk;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.Side;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RiskGuardTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final RiskGuard guard = new RiskGuard(new RiskLimits(new BigDecimal("10000"), 3),
            TradingStateStore.inMemory(), clock);

    private static OrderRequest order(String id, String qty, boolean reduceOnly) {
        return OrderRequest.market(id, "BTC", Side.BUY, new BigDecimal(qty), reduceOnly);
    }

    @Test
    void ordersAboveTheNotionalCapAreRefused() {
        assertThatCode(() -> guard.check("v", order("a", "0.1", false), new BigDecimal("90000"), BigDecimal.ONE))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> guard.check("v", order("b", "0.2", false), new BigDecimal("90000"), BigDecimal.ONE))
                .isInstanceOf(RiskRejectedException.class).hasMessageContaining("18000");
    }

    @Test
    void theOrderRateIsCappedPerVenue() {
        for (int i = 0; i < 3; i++) {
            guard.check("v", order("o" + i, "0.01", false), BigDecimal.ONE, BigDecimal.ONE);
        }
        assertThatThrownBy(() -> guard.check("v", order("o4", "0.01", false), BigDecimal.ONE, BigDecimal.ONE))
                .hasMessageContaining("more than 3 orders in one second");
        assertThatCode(() -> guard.check("other", order("o5", "0.01", false), BigDecimal.ONE, BigDecimal.ONE))
                .doesNotThrowAnyException();
    }

    @Test
    void reducingAllowsOnlyReduceOnlyOrders() {
        guard.enter(TradingState.REDUCING, "loss limit");
        assertThatThrownBy(() -> guard.check("v", order("x", "0.01", false), BigDecimal.ONE, BigDecimal.ONE))
                .hasMessageContaining("reduce-only");
        assertThatCode(() -> guard.check("v", order("y", "0.01", true), BigDecimal.ONE, BigDecimal.ONE))
                .doesNotThrowAnyException();
    }
}
