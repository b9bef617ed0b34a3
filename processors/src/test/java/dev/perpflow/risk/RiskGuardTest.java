package dev.perpflow.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.Side;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RiskGuardTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final TradingStateStore store = TradingStateStore.inMemory();
    private final RiskGuard guard = new RiskGuard(new RiskLimits(new BigDecimal("10000"), 3), store, clock);

    private static OrderRequest order(String id, String qty, boolean reduceOnly) {
        return OrderRequest.market(id, "BTC", Side.BUY, new BigDecimal(qty), reduceOnly);
    }

    private void check(String account, String venue, OrderRequest order, boolean protective, String price) {
        guard.check(account, venue, order, protective, new BigDecimal(price), BigDecimal.ONE);
    }

    @Test
    void ordersAboveTheNotionalCapAreRefused() {
        assertThatCode(() -> check("acc", "v", order("a", "0.1", false), false, "90000")).doesNotThrowAnyException();
        assertThatThrownBy(() -> check("acc", "v", order("b", "0.2", false), false, "90000"))
                .isInstanceOf(RiskRejectedException.class).hasMessageContaining("18000");
    }

    @Test
    void aReduceOnlyOrderAboveTheCapIsAllowedSoALargePositionCanAlwaysBeClosed() {
        // failed before: the 50,000 USD cap applied to closes too, trapping any position larger than it
        assertThatCode(() -> check("acc", "v", order("close", "2", true), false, "90000")).doesNotThrowAnyException();
    }

    @Test
    void theOrderRateIsCappedPerAccountAndVenue() {
        for (int i = 0; i < 3; i++) {
            check("acc", "v", order("o" + i, "0.01", false), false, "1");
        }
        assertThatThrownBy(() -> check("acc", "v", order("o4", "0.01", false), false, "1"))
                .hasMessageContaining("more than 3 orders in one second");
        assertThatCode(() -> check("acc", "other", order("o5", "0.01", false), false, "1")).doesNotThrowAnyException();
        assertThatCode(() -> check("bob", "v", order("o6", "0.01", false), false, "1")).doesNotThrowAnyException();
        assertThatCode(() -> check("acc", "v", order("o7", "0.01", true), false, "1"))
                .as("a close is never refused by the rate meant for runaway entries").doesNotThrowAnyException();
    }

    @Test
    void reducingAllowsOnlyReduceOnlyOrders() {
        guard.reduceOnly(RiskGuard.GLOBAL, "loss limit");
        assertThatThrownBy(() -> check("acc", "v", order("x", "0.01", false), false, "1"))
                .hasMessageContaining("reduce-only");
        assertThatCode(() -> check("acc", "v", order("y", "0.01", true), false, "1")).doesNotThrowAnyException();
    }

    @Test
    void haltedAllowsOnlyProtectiveReduceOnlyOrders() {
        guard.halt(RiskGuard.GLOBAL, "kill switch");
        assertThatThrownBy(() -> check("acc", "v", order("entry", "0.01", false), false, "1")).hasMessageContaining("halted");
        assertThatThrownBy(() -> check("acc", "v", order("exit", "0.01", true), false, "1"))
                .as("a normal strategy exit waits for the resume").hasMessageContaining("halted");
        assertThatThrownBy(() -> check("acc", "v", order("hedge", "0.01", false), true, "1"))
                .as("protective only counts for reduce-only orders").hasMessageContaining("halted");
        assertThatCode(() -> check("acc", "v", order("rollback", "0.01", true), true, "1")).doesNotThrowAnyException();
    }

    @Test
    void anAccountHaltStopsThatAccountOnly() {
        guard.halt("alice/main", "daily loss limit");
        assertThat(guard.state("alice/main")).isEqualTo(TradingState.HALTED);
        assertThat(guard.state("bob/main")).isEqualTo(TradingState.ACTIVE);
        assertThat(guard.state()).isEqualTo(TradingState.ACTIVE);
        assertThatThrownBy(() -> check("alice/main", "v", order("a", "0.01", false), false, "1"))
                .hasMessageContaining("for account alice/main");
        assertThatCode(() -> check("bob/main", "v", order("b", "0.01", false), false, "1")).doesNotThrowAnyException();
    }

    @Test
    void theGlobalHaltCoversEveryAccountAndTheStricterStateWins() {
        guard.reduceOnly("alice/main", "cautious");
        guard.halt(RiskGuard.GLOBAL, "kill switch");
        assertThat(guard.state("alice/main")).isEqualTo(TradingState.HALTED);
        assertThat(guard.state("bob/main")).isEqualTo(TradingState.HALTED);
        guard.resume(RiskGuard.GLOBAL, "operator");
        assertThat(guard.state("alice/main")).isEqualTo(TradingState.REDUCING);
        assertThat(guard.state("bob/main")).isEqualTo(TradingState.ACTIVE);
    }

    @Test
    void onlyAnExplicitResumeLeavesAHaltAndStatesSurviveARestart() {
        guard.halt("alice/main", "daily loss limit");
        guard.reduceOnly("alice/main", "not stricter than a halt");
        assertThat(guard.state("alice/main")).isEqualTo(TradingState.HALTED);
        RiskGuard afterRestart = new RiskGuard(RiskLimits.defaults(), store, clock);
        assertThat(afterRestart.state("alice/main")).isEqualTo(TradingState.HALTED);
        assertThat(afterRestart.restrictions()).containsKey("alice/main");
        afterRestart.resume("alice/main", "admin");
        assertThat(new RiskGuard(RiskLimits.defaults(), store, clock).state("alice/main"))
                .isEqualTo(TradingState.ACTIVE);
    }

    @Test
    void aHaltHoldsInMemoryWhenItCannotBeSavedButAResumeThatCannotBeSavedIsRefused() {
        TradingStateStore broken = new TradingStateStore() {
            @Override
            public Map<String, Saved> loadAll() {
                return Map.of();
            }

            @Override
            public void save(String scope, Saved saved) {
                throw new IllegalStateException("disk and database unavailable");
            }
        };
        RiskGuard fragile = new RiskGuard(RiskLimits.defaults(), broken, clock);
        fragile.halt(RiskGuard.GLOBAL, "kill switch");
        assertThat(fragile.state()).isEqualTo(TradingState.HALTED);
        assertThatThrownBy(() -> fragile.resume(RiskGuard.GLOBAL, "operator")).hasMessageContaining("unavailable");
        assertThat(fragile.state()).isEqualTo(TradingState.HALTED);
    }
}
