package dev.perpflow.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DailyLossLimitTest {

    private final DailyLossLimit limit = new DailyLossLimit(new BigDecimal("100"));

    @Test
    void aLossUpToTheLimitIsAllowed() {
        assertThat(limit.breach("a", new BigDecimal("10000"), new BigDecimal("9900"))).isEmpty();
        assertThat(limit.breach("a", new BigDecimal("10000"), new BigDecimal("10250"))).isEmpty();
    }

    @Test
    void aLossBeyondTheLimitSaysByHowMuch() {
        assertThat(limit.breach("alice/main", new BigDecimal("10000"), new BigDecimal("9899.5")))
                .hasValueSatisfying(why -> assertThat(why).contains("alice/main").contains("down 100.50 USD")
                        .contains("limit of 100 USD"));
    }

    @Test
    void aLimitMustBePositive() {
        assertThatThrownBy(() -> new DailyLossLimit(BigDecimal.ZERO)).hasMessageContaining("positive");
    }
}
