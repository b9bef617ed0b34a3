package dev.perpflow.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.app.AppTestSupport;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Opportunities over the simulated venues of the test profile: every number agrees with the rates and fees the
 * API itself reports, and the list is sorted by net profit.
 */
class OpportunitiesEndToEndTest extends AppTestSupport {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private JsonNode awaitOpportunities() {
        JsonNode[] holder = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            holder[0] = getJson("/api/v1/opportunities?limit=100", 200);
            assertThat(holder[0].get("total_count").asInt()).isPositive();
            assertThat(holder[0].get("excluded_dexes")).isEmpty();
        });
        return holder[0];
    }

    @Test
    void numbersAgreeWithTheReportedRatesAndFees() throws Exception {
        JsonNode opportunities = awaitOpportunities();
        Map<String, BigDecimal> makerFees = new HashMap<>();
        getJson("/api/v1/dexes", 200).get("dexes").forEach(d -> makerFees.put(d.get("name").asText(),
                d.at("/fee_structure/maker_fee_percent").decimalValue().movePointLeft(2)));
        for (JsonNode o : opportunities.get("opportunities")) {
            BigDecimal longRate = o.get("long_rate").decimalValue();
            BigDecimal shortRate = o.get("short_rate").decimalValue();
            BigDecimal fees = makerFees.get(o.get("long_dex").asText()).add(makerFees.get(o.get("short_dex").asText()))
                    .multiply(TWO);
            assertThat(o.get("divergence").decimalValue()).isEqualByComparingTo(shortRate.subtract(longRate));
            assertThat(o.get("estimated_fees").decimalValue()).isEqualByComparingTo(fees);
            BigDecimal net = shortRate.subtract(longRate).subtract(fees);
            assertThat(o.get("net_profit_percent").decimalValue()).isEqualByComparingTo(net);
            assertThat(o.get("annualized_apy").decimalValue())
                    .isEqualByComparingTo(net.multiply(BigDecimal.valueOf(1095)).multiply(BigDecimal.valueOf(100)));
            assertThat(net.signum()).isPositive();
        }
        List<BigDecimal> nets = new java.util.ArrayList<>();
        opportunities.get("opportunities").forEach(o -> nets.add(o.get("net_profit_percent").decimalValue()));
        assertThat(nets).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void ratesInOpportunitiesAreTheEightHourRatesOfFundingRates() throws Exception {
        JsonNode first = awaitOpportunities().get("opportunities").get(0);
        String symbol = first.get("symbol").asText();
        JsonNode rates = getJson("/api/v1/funding-rates?symbol=" + symbol, 200).at("/data/" + symbol);
        // a round may land between the two calls; compare against the venue's current 8 h rate bounds loosely
        assertThat(rates.has(first.get("long_dex").asText())).isTrue();
        assertThat(rates.has(first.get("short_dex").asText())).isTrue();
        assertThat(first.get("long_interval_hours").asInt()).isIn(1, 8);
    }

    @Test
    void bestIsTheTopOfTheListAndSymbolViewFilters() throws Exception {
        awaitOpportunities();
        JsonNode best = getJson("/api/v1/opportunities/best", 200);
        assertThat(best.get("rank").asInt()).isEqualTo(1);
        assertThat(best.at("/opportunity/net_profit_percent").decimalValue()).isPositive();
        String symbol = best.at("/opportunity/symbol").asText();
        JsonNode forSymbol = getJson("/api/v1/opportunities/symbol/" + symbol + "?limit=3", 200);
        assertThat(forSymbol.get("opportunities").findValuesAsText("symbol")).containsOnly(symbol);
        assertThat(forSymbol.get("count").asInt()).isBetween(1, 3);
        getJson("/api/v1/opportunities/symbol/NOPE", 404);
        getJson("/api/v1/opportunities/best?min_profit=1", 404);
    }

    @Test
    void filtersAreAppliedAndEchoed() throws Exception {
        awaitOpportunities();
        JsonNode body = getJson("/api/v1/opportunities?required_dex=SIM-B&sort_by=divergence&sort_desc=false&limit=5",
                200);
        assertThat(body.get("filters_applied").get("required_dex").asText()).isEqualTo("SIM-B");
        body.get("opportunities").forEach(o -> assertThat(List.of(o.get("long_dex").asText(), o.get("short_dex").asText()))
                .contains("sim-b"));
        List<BigDecimal> divergences = new java.util.ArrayList<>();
        body.get("opportunities").forEach(o -> divergences.add(o.get("divergence").decimalValue()));
        assertThat(divergences).isSorted();
        JsonNode excluded = getJson("/api/v1/opportunities?exclude_dexes=sim-a,sim-b", 200);
        assertThat(excluded.get("total_count").asInt()).isZero();
    }

    @Test
    void badParametersAreNamed() throws Exception {
        assertThat(getJson("/api/v1/opportunities?sort_by=luck", 400).get("parameter").asText()).isEqualTo("sort_by");
        assertThat(getJson("/api/v1/opportunities?limit=101", 400).get("parameter").asText()).isEqualTo("limit");
        assertThat(getJson("/api/v1/opportunities?min_profit=lots", 400).get("parameter").asText())
                .isEqualTo("min_profit");
        assertThat(getJson("/api/v1/opportunities?dex_pair=sim-a", 400).get("parameter").asText())
                .isEqualTo("dex_pair");
        assertThat(getJson("/api/v1/opportunities?oi_imbalance=weird", 400).get("parameter").asText())
                .isEqualTo("oi_imbalance");
        assertThat(getJson("/api/v1/opportunities?sort_desc=perhaps", 400).get("parameter").asText())
                .isEqualTo("sort_desc");
    }
}
