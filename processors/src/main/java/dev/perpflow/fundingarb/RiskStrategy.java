package dev.perpflow.fundingarb;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * The seed's risk managers, deciding from rates and age whether a position should be exited. {@code COMBINED} is
 * the waterfall flip → severe erosion → erosion → age; {@code TIME_BASED} (offered but missing in the seed) exits
 * on age only.
 */
public enum RiskStrategy {

    COMBINED {
        @Override
        Optional<String> evaluate(BigDecimal entry, BigDecimal current, BigDecimal ageHours, FundingArbConfig config) {
            return flip(current)
                    .or(() -> erosion(entry, current, FundingArbConfig.SEVERE_EROSION_RATIO, ExitReasons.SEVERE_EROSION))
                    .or(() -> erosion(entry, current, config.profitErosionThreshold(), ExitReasons.PROFIT_EROSION))
                    .or(() -> age(ageHours, config));
        }
    },
    PROFIT_EROSION {
        @Override
        Optional<String> evaluate(BigDecimal entry, BigDecimal current, BigDecimal ageHours, FundingArbConfig config) {
            return erosion(entry, current, config.profitErosionThreshold(), ExitReasons.PROFIT_EROSION);
        }
    },
    DIVERGENCE_FLIP {
        @Override
        Optional<String> evaluate(BigDecimal entry, BigDecimal current, BigDecimal ageHours, FundingArbConfig config) {
            return flip(current);
        }
    },
    TIME_BASED {
        @Override
        Optional<String> evaluate(BigDecimal entry, BigDecimal current, BigDecimal ageHours, FundingArbConfig config) {
            return age(ageHours, config);
        }
    };

    /**
     * The exit reason, if any.
     *
     * @param entry   divergence (short rate − long rate, per 8 h) when the position opened
     * @param current the divergence now
     */
    abstract Optional<String> evaluate(BigDecimal entry, BigDecimal current, BigDecimal ageHours,
            FundingArbConfig config);

    private static Optional<String> flip(BigDecimal current) {
        return current.signum() < 0 ? Optional.of(ExitReasons.DIVERGENCE_FLIPPED) : Optional.empty();
    }

    private static Optional<String> erosion(BigDecimal entry, BigDecimal current, BigDecimal threshold, String reason) {
        if (entry.signum() <= 0) {
            return Optional.empty();    // the seed: an entry divergence of 0 never erodes
        }
        BigDecimal ratio = current.divide(entry, MathContext.DECIMAL64);
        return ratio.compareTo(threshold) < 0 ? Optional.of(reason) : Optional.empty();
    }

    private static Optional<String> age(BigDecimal ageHours, FundingArbConfig config) {
        return ageHours.compareTo(config.maxPositionAgeHours()) >= 0 ? Optional.of(ExitReasons.TIME_LIMIT)
                : Optional.empty();
    }
}
