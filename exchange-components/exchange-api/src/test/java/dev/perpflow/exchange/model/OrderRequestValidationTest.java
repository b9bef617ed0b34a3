package dev.perpflow.exchange.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class OrderRequestValidationTest {

    @Test
    void limitOrdersNeedAPositivePrice() {
        assertThatThrownBy(() -> new OrderRequest("c1", "BTC", Side.BUY, BigDecimal.ONE, null, OrderType.LIMIT,
                TimeInForce.GTC, false)).hasMessageContaining("positive price");
    }

    @Test
    void marketOrdersCarryNoPriceAndCannotBePostOnly() {
        assertThatThrownBy(() -> new OrderRequest("c1", "BTC", Side.BUY, BigDecimal.ONE, BigDecimal.TEN,
                OrderType.MARKET, TimeInForce.IOC, false)).hasMessageContaining("no price");
        assertThatThrownBy(() -> new OrderRequest("c1", "BTC", Side.BUY, BigDecimal.ONE, null, OrderType.MARKET,
                TimeInForce.POST_ONLY, false)).hasMessageContaining("post-only");
    }

    @Test
    void quantityMustBePositiveAndClientIdPresent() {
        assertThatThrownBy(() -> OrderRequest.market("c1", "BTC", Side.SELL, BigDecimal.ZERO, false))
                .hasMessageContaining("quantity must be positive");
        assertThatThrownBy(() -> OrderRequest.market(" ", "BTC", Side.SELL, BigDecimal.ONE, false))
                .hasMessageContaining("clientOrderId");
    }

    @Test
    void filledCannotExceedQuantity() {
        assertThatThrownBy(() -> new Order("v", "c1", null, "BTC", Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
                BigDecimal.ONE, BigDecimal.TEN, new BigDecimal("1.1"), null, OrderStatus.OPEN, false, null, null, null))
                .hasMessageContaining("exceeds quantity");
    }

    @Test
    void terminalStatesAreExactlyFilledCanceledRejected() {
        assertThat(OrderStatus.values()).filteredOn(OrderStatus::isTerminal)
                .containsExactlyInAnyOrder(OrderStatus.FILLED, OrderStatus.CANCELED, OrderStatus.REJECTED);
        assertThat(OrderStatus.UNKNOWN.isTerminal()).isFalse();
        assertThat(OrderStatus.UNKNOWN.isWorking()).isFalse();
    }
}
