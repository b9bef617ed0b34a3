package dev.perpflow.exchange.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FundingRateNormalizationTest {

    private static FundingRate rate(String raw, int hours) {
        return new FundingRate("v", "BTC", new BigDecimal(raw), hours, null, null, null, null, Instant.EPOCH);
    }

    @Test
    void eightHourRatesAreUnchanged() {
        assertThat(rate("0.0001", 8).ratePer8h()).isEqualByComparingTo("0.0001");
    }

    @Test
    void hourlyRatesAreMultipliedByEight() {
        assertThat(rate("0.0000125", 1).ratePer8h()).isEqualByComparingTo("0.0001");
    }

    @Test
    void fourHourRatesAreDoubled() {
        assertThat(rate("-0.00005", 4).ratePer8h()).isEqualByComparingTo("-0.0001");
    }

    @Test
    void aZeroIntervalIsRejected() {
        assertThatThrownBy(() -> rate("0.0001", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("intervalHours");
    }
}
