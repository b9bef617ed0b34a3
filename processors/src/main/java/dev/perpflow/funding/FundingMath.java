package dev.perpflow.funding;

import java.math.BigDecimal;

/** The seed's annualization: three 8-hour payments a day, 1095 a year; APY in percent. */
public final class FundingMath {

    public static final BigDecimal PERIODS_PER_YEAR = BigDecimal.valueOf(1095);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private FundingMath() {
    }

    /** {@code rate8h × 1095 × 100}: 0.0001 per 8 h is 10.95 % a year. */
    public static BigDecimal apyPercent(BigDecimal ratePer8h) {
        return ratePer8h.multiply(PERIODS_PER_YEAR).multiply(HUNDRED);
    }

    /** The 8-hour rate for an APY in percent (the strategy's {@code min_profit_rate} is entered as APY). */
    public static BigDecimal ratePer8hFromApyPercent(BigDecimal apyPercent) {
        return apyPercent.divide(HUNDRED.multiply(PERIODS_PER_YEAR), java.math.MathContext.DECIMAL64);
    }
}
