package dev.perpflow.funding;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FeeScheduleTest {

    private final FeeSchedule fees = FeeSchedule.defaults();

    @Test
    void seedTableIncludingTheGrvtRebate() {
        assertThat(fees.feesOf("aster").maker()).isEqualByComparingTo("0.00005");
        assertThat(fees.feesOf("ASTER").taker()).isEqualByComparingTo("0.0004");
        assertThat(fees.feesOf("grvt").maker()).isEqualByComparingTo("-0.0001");
        assertThat(fees.feesOf("lighter").taker()).isZero();
        assertThat(fees.feesOf("hyperliquid").taker()).isEqualByComparingTo("0.00045");
    }

    @Test
    void unknownVenuesGetTheSeedDefault() {
        assertThat(fees.feesOf("sim-a")).isEqualTo(FeeSchedule.UNKNOWN_VENUE);
        assertThat(fees.knows("sim-a")).isFalse();
    }

    @Test
    void roundTripIsTwiceBothMakerFees() {
        // 2 × (0.00005 + 0.0002) = 0.0005
        assertThat(fees.roundTripMakerFee("aster", "backpack")).isEqualByComparingTo("0.0005");
        // 2 × (−0.0001 + 0) = −0.0002: the rebate makes the round trip pay
        assertThat(fees.roundTripMakerFee("grvt", "lighter")).isEqualByComparingTo("-0.0002");
        assertThat(fees.roundTripMakerCost("aster", "backpack", new BigDecimal("10000"))).isEqualByComparingTo("5");
    }

    @Test
    void overridesReplaceOneVenueOnly() {
        FeeSchedule custom = fees.withOverride("Aster", new BigDecimal("0.0001"), new BigDecimal("0.0003"));
        assertThat(custom.feesOf("aster").maker()).isEqualByComparingTo("0.0001");
        assertThat(custom.feesOf("backpack")).isEqualTo(fees.feesOf("backpack"));
        assertThat(fees.feesOf("aster").maker()).as("the original is unchanged").isEqualByComparingTo("0.00005");
    }

    @Test
    void apyIsRateTimes1095Times100() {
        assertThat(FundingMath.apyPercent(new BigDecimal("0.0001"))).isEqualByComparingTo("10.95");
        // the strategy's default 25 % APY is 0.0002283105 per 8 h
        assertThat(FundingMath.ratePer8hFromApyPercent(new BigDecimal("25")))
                .isEqualByComparingTo("0.0002283105022831050");
    }
}
