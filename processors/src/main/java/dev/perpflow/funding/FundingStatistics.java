package dev.perpflow.funding;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The seed's historical statistics over a series of 8-hour rates: mean, median, min, max, sample standard
 * deviation (Python's {@code statistics.stdev}), volatility = stdev / |mean|, quartiles by linear interpolation,
 * and the annualized APY of the mean in percent.
 *
 * @param volatility {@code null} when the mean is zero
 * @param stdDev     {@code null} with fewer than two points
 */
public record FundingStatistics(int sampleSize, BigDecimal average, BigDecimal median, BigDecimal min, BigDecimal max,
        BigDecimal stdDev, BigDecimal volatility, BigDecimal percentile25, BigDecimal percentile75,
        BigDecimal annualizedApy) {

    private static final MathContext MC = MathContext.DECIMAL64;

    /** Statistics of {@code rates}; empty input gives a zero-size result with {@code null} figures. */
    public static FundingStatistics of(Collection<BigDecimal> rates) {
        List<BigDecimal> sorted = new ArrayList<>(rates);
        sorted.sort(null);
        int n = sorted.size();
        if (n == 0) {
            return new FundingStatistics(0, null, null, null, null, null, null, null, null, null);
        }
        BigDecimal sum = sorted.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal mean = sum.divide(BigDecimal.valueOf(n), MC);
        BigDecimal stdDev = null;
        if (n > 1) {
            BigDecimal squares = sorted.stream().map(r -> r.subtract(mean).pow(2)).reduce(BigDecimal.ZERO, BigDecimal::add);
            stdDev = squares.divide(BigDecimal.valueOf(n - 1L), MC).sqrt(MC);
        }
        BigDecimal volatility = stdDev == null || mean.signum() == 0 ? null : stdDev.divide(mean.abs(), MC);
        return new FundingStatistics(n, mean, percentile(sorted, 0.5), sorted.get(0), sorted.get(n - 1), stdDev,
                volatility, percentile(sorted, 0.25), percentile(sorted, 0.75), FundingMath.apyPercent(mean));
    }

    /** Linear interpolation between closest ranks (numpy's default): position p × (n − 1). */
    static BigDecimal percentile(List<BigDecimal> sorted, double p) {
        BigDecimal position = BigDecimal.valueOf(p).multiply(BigDecimal.valueOf(sorted.size() - 1L));
        int lower = position.intValue();
        BigDecimal fraction = position.subtract(BigDecimal.valueOf(lower));
        if (lower + 1 >= sorted.size() || fraction.signum() == 0) {
            return sorted.get(lower);
        }
        BigDecimal low = sorted.get(lower);
        return low.add(sorted.get(lower + 1).subtract(low).multiply(fraction), MC);
    }
}
