package dev.perpflow.app.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Telegram's /opportunities agrees with REST: the API's net_profit_percent is a fraction, shown in percent. */
class OpportunityLineTest {

    @Test
    void theNetRateOfTheApiIsShownInPercentLikeTheApy() {
        String line = TradingCommands.opportunityLine(Map.of("symbol", "1000_BONK", "long_dex", "sim-a",
                "short_dex", "sim-c", "net_profit_percent", "0.0004", "annualized_apy", "43.8"));

        assertThat(line).isEqualTo("*1000\\_BONK* long sim-a / short sim-c: net 0.04 % per 8 h, APY 43.80 %");
    }

    @Test
    void smallRatesKeepFourDecimalsOfAPercent() {
        String line = TradingCommands.opportunityLine(Map.of("symbol", "ETH", "long_dex", "sim-a",
                "short_dex", "sim-b", "net_profit_percent", "0.0000123456", "annualized_apy", "1.3518432"));

        assertThat(line).endsWith("net 0.0012 % per 8 h, APY 1.35 %");
    }
}
