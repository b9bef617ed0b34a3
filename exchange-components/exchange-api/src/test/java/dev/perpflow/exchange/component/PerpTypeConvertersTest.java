package dev.perpflow.exchange.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.OrderType;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** Orders from plain data and results as plain data, through Camel's type converters (the generated loader). */
class PerpTypeConvertersTest {

    @Test
    void aJsonBodyBecomesAnExactPostOnlyLimitOrder() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            OrderRequest request = camel.getTypeConverter().mandatoryConvertTo(OrderRequest.class,
                    "{\"clientOrderId\":\"pf-1\",\"symbol\":\"ETH\",\"side\":\"buy\",\"quantity\":0.1,"
                            + "\"price\":\"2500.10\",\"timeInForce\":\"POST_ONLY\",\"critical\":true}");

            assertThat(request.type()).isEqualTo(OrderType.LIMIT);
            assertThat(request.side()).isEqualTo(Side.BUY);
            assertThat(request.quantity()).isEqualByComparingTo("0.1");
            assertThat(request.price()).isEqualTo(new BigDecimal("2500.10"));
            assertThat(request.timeInForce()).isEqualTo(TimeInForce.POST_ONLY);
            assertThat(request.critical()).isTrue();
        }
    }

    @Test
    void aMapWithoutAPriceIsAMarketOrderAndSnakeCaseWorks() {
        OrderRequest request = PerpTypeConverters.toOrderRequest(Map.of("client_order_id", "pf-2", "symbol", "BTC",
                "side", "SELL", "quantity", "0.01", "reduce_only", "true"));

        assertThat(request.type()).isEqualTo(OrderType.MARKET);
        assertThat(request.timeInForce()).isEqualTo(TimeInForce.IOC);
        assertThat(request.reduceOnly()).isTrue();
        assertThat(request.clientOrderId()).isEqualTo("pf-2");
    }

    @Test
    void aMissingOrBadFieldIsNamed() {
        assertThatThrownBy(() -> PerpTypeConverters.toOrderRequest(Map.of("symbol", "BTC", "side", "SELL",
                "quantity", "1"))).hasMessageContaining("clientOrderId");
        assertThatThrownBy(() -> PerpTypeConverters.toOrderRequest(Map.of("clientOrderId", "x", "symbol", "BTC",
                "side", "SELL", "quantity", "lots"))).hasMessageContaining("quantity").hasMessageContaining("lots");
    }

    @Test
    void anOrderBecomesAMapOfPlainValues() throws Exception {
        Order order = new Order("aster", "pf-1", "42", "ETH", Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
                BigDecimal.ONE, new BigDecimal("2500"), BigDecimal.ZERO, null, OrderStatus.OPEN, false, null,
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:01Z"));
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            @SuppressWarnings("unchecked")
            Map<String, Object> map = camel.getTypeConverter().mandatoryConvertTo(Map.class, order);

            assertThat(map).containsEntry("clientOrderId", "pf-1").containsEntry("status", "OPEN")
                    .containsEntry("price", new BigDecimal("2500")).containsEntry("createdAt", "2026-01-01T00:00:00Z")
                    .containsEntry("averagePrice", null);
        }
    }
}
