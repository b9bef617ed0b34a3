package dev.perpflow.app.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.funding.Opportunity;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Telegram's /opportunities agrees with REST: the net profit is a fraction per 8 h, shown in percent. */
class OpportunityLineTest {

    @Test
    void theNetRateOfTheApiIsShownInPercentLikeTheApy() {
        String line = TradingCommands.opportunityLine(opportunity("1000_BONK", "sim-a", "sim-c", "0.0004", "43.8"));

        assertThat(line).isEqualTo("*1000\\_BONK* long sim-a / short sim-c: net 0.04 % per 8 h, APY 43.80 %");
    }

    @Test
    void smallRatesKeepFourDecimalsOfAPercent() {
        String line = TradingCommands.opportunityLine(opportunity("ETH", "sim-a", "sim-b", "0.0000123456",
                "1.3518432"));

        assertThat(line).endsWith("net 0.0012 % per 8 h, APY 1.35 %");
    }

    private static Opportunity opportunity(String symbol, String longDex, String shortDex, String net, String apy) {
        return new Opportunity(symbol, longDex, shortDex, new BigDecimal("0.0001"), new BigDecimal("0.0005"), 8, 8,
                new BigDecimal("0.0004"), BigDecimal.ZERO, new BigDecimal(net), new BigDecimal(apy), null, null, null,
                null, null, null, null, null, null, null, null, null, Instant.parse("2026-12-04T00:00:00Z"));
    }
}
