package dev.perpflow.exchange.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class InstrumentRoundingTest {

    private final Instrument bonk = new Instrument("aster", "BONK", "1000BONKUSDT", "USDT", new BigDecimal("0.000001"),
            new BigDecimal("1"), new BigDecimal("5"), 20, 4, new BigDecimal("1000"));

    @Test
    void quantitiesRoundDownToTheLotNeverUp() {
        assertThat(bonk.roundQuantityDown(new BigDecimal("12.99"))).isEqualByComparingTo("12");
    }

    @Test
    void pricesRoundToTheTickInTheRequestedDirection() {
        assertThat(bonk.roundPrice(new BigDecimal("0.0234567"), RoundingMode.DOWN)).isEqualByComparingTo("0.023456");
        assertThat(bonk.roundPrice(new BigDecimal("0.0234561"), RoundingMode.UP)).isEqualByComparingTo("0.023457");
    }

    @Test
    void multiplierConvertsBetweenContractsAndTokens() {
        assertThat(bonk.toTokens(new BigDecimal("3"))).isEqualByComparingTo("3000");
        assertThat(bonk.fromTokens(new BigDecimal("4500"))).isEqualByComparingTo("4.5");
    }

    @Test
    void nonPositiveTickIsRejected() {
        assertThatThrownBy(() -> new Instrument("v", "BTC", "BTC", "USDT", BigDecimal.ZERO, BigDecimal.ONE,
                BigDecimal.ONE, 10, 8, BigDecimal.ONE)).hasMessageContaining("tickSize must be positive");
    }
}
