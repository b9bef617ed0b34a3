package dev.perpflow.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * The loss kill switch's rule: an account whose value fell by more than {@code limitUsd} since its first reading of
 * the UTC day is halted. The value is what the venues report the account is worth (balances with unrealized PnL),
 * so realized and unrealized PnL, fees and funding all count; transfers in or out during the day count too.
 */
public record DailyLossLimit(BigDecimal limitUsd) {

    public DailyLossLimit {
        Objects.requireNonNull(limitUsd, "limitUsd");
        if (limitUsd.signum() <= 0) {
            throw new IllegalArgumentException("the daily loss limit must be positive, was " + limitUsd.toPlainString());
        }
    }

    /** Why the account must halt, when {@code now} is more than the limit below {@code dayStart}. */
    public Optional<String> breach(String account, BigDecimal dayStart, BigDecimal now) {
        BigDecimal change = now.subtract(dayStart);
        if (change.compareTo(limitUsd.negate()) >= 0) {
            return Optional.empty();
        }
        return Optional.of("daily loss limit: account " + account + " is down " + change.negate()
                .setScale(2, RoundingMode.HALF_UP).toPlainString() + " USD since 00:00 UTC (from "
                + dayStart.setScale(2, RoundingMode.HALF_UP).toPlainString() + " to "
                + now.setScale(2, RoundingMode.HALF_UP).toPlainString() + "), over the limit of "
                + limitUsd.toPlainString() + " USD");
    }
}
