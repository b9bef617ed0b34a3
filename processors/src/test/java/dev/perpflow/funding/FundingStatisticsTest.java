package dev.perpflow.funding;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class FundingStatisticsTest {

    private static List<BigDecimal> rates(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    @Test
    void handComputedSeries() {
        // 1, 2, 3, 4 (×0.0001): mean 2.5, median 2.5, sample variance (2.25+0.25+0.25+2.25)/3 = 5/3
        FundingStatistics stats = FundingStatistics.of(rates("0.0002", "0.0004", "0.0001", "0.0003"));
        assertThat(stats.sampleSize()).isEqualTo(4);
        assertThat(stats.average()).isEqualByComparingTo("0.00025");
        assertThat(stats.median()).isEqualByComparingTo("0.00025");
        assertThat(stats.min()).isEqualByComparingTo("0.0001");
        assertThat(stats.max()).isEqualByComparingTo("0.0004");
        // sqrt(5/3) × 0.0001 = 0.000129099444873580...
        assertThat(stats.stdDev().doubleValue()).isCloseTo(0.00012909944487358, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(stats.volatility().doubleValue()).isCloseTo(0.5163977794943222, org.assertj.core.data.Offset.offset(1e-12));
        // positions 0.75 and 2.25: 1 + 0.75 × 1 = 1.75; 3 + 0.25 × 1 = 3.25
        assertThat(stats.percentile25()).isEqualByComparingTo("0.000175");
        assertThat(stats.percentile75()).isEqualByComparingTo("0.000325");
        assertThat(stats.annualizedApy()).isEqualByComparingTo("27.375");
    }

    @Test
    void oddCountMedianIsTheMiddleValue() {
        assertThat(FundingStatistics.of(rates("5", "1", "3")).median()).isEqualByComparingTo("3");
    }

    @Test
    void zeroMeanHasNoVolatilityAndOnePointNoStdDev() {
        assertThat(FundingStatistics.of(rates("-1", "1")).volatility()).isNull();
        FundingStatistics single = FundingStatistics.of(rates("0.0001"));
        assertThat(single.stdDev()).isNull();
        assertThat(single.percentile75()).isEqualByComparingTo("0.0001");
    }

    @Test
    void emptySeriesHasNoFigures() {
        FundingStatistics empty = FundingStatistics.of(List.of());
        assertThat(empty.sampleSize()).isZero();
        assertThat(empty.average()).isNull();
    }
}
