package dev.perpflow.component.hyperliquid.client;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Hyperliquid's number rules, on exact decimals: the canonical strings prices and sizes are sent (and hashed) as
 * (the SDK's {@code float_to_wire}: at most 8 decimals, no trailing zeros), the integers some actions hash
 * ({@code float_to_int_for_hashing}: × 10^8), and the price rule of perpetuals ("Tick and lot size" in Hyperliquid's
 * API docs): at most 5 significant figures unless the price is an integer, and at most {@code 6 − szDecimals}
 * decimals; sizes have at most {@code szDecimals} decimals.
 */
public final class HyperliquidWire {

    /** The decimals a perpetual's price may have before its {@code szDecimals} are taken off. */
    public static final int PERP_MAX_DECIMALS = 6;
    /** The significant figures a non-integer price may have. */
    public static final int MAX_SIGNIFICANT_FIGURES = 5;
    private static final int WIRE_DECIMALS = 8;

    private HyperliquidWire() {
    }

    /**
     * The canonical string of a price or size ({@code 1670.1}, {@code 0.0147}, {@code 100}); a value needing more than
     * 8 decimals is refused, as the SDK refuses one that would be rounded.
     */
    public static String wire(BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > WIRE_DECIMALS) {
            throw new IllegalArgumentException(value.toPlainString() + " has more than " + WIRE_DECIMALS
                    + " decimals; it cannot be sent without rounding");
        }
        return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
    }

    /** {@code value × 10^8} as an integer (the SDK's {@code float_to_int_for_hashing}); refused when it would round. */
    public static BigInteger toIntForHashing(BigDecimal value) {
        return toInt(value, WIRE_DECIMALS);
    }

    /** {@code value × 10^power} as an integer; refused when that is more than 0.001 from an integer, as in the SDK. */
    public static BigInteger toInt(BigDecimal value, int power) {
        BigDecimal scaled = value.movePointRight(power);
        BigDecimal rounded = scaled.setScale(0, RoundingMode.HALF_EVEN);
        if (rounded.subtract(scaled).abs().compareTo(new BigDecimal("0.001")) >= 0) {
            throw new IllegalArgumentException(value.toPlainString() + " × 10^" + power + " is not an integer");
        }
        return rounded.toBigIntegerExact();
    }

    /**
     * {@code price} made valid for a perpetual with {@code szDecimals}: kept when it already is, else rounded with
     * {@code mode} (down for bids, up for asks, so a limit never becomes more aggressive) to 5 significant figures —
     * to an integer when it has 5 or more integer digits — and to at most {@code 6 − szDecimals} decimals.
     */
    public static BigDecimal price(BigDecimal price, int szDecimals, RoundingMode mode) {
        if (price.signum() <= 0) {
            throw new IllegalArgumentException("price must be positive, was " + price.toPlainString());
        }
        BigDecimal stripped = price.stripTrailingZeros();
        int integerDigits = stripped.precision() - stripped.scale();
        int decimals = Math.min(Math.max(MAX_SIGNIFICANT_FIGURES - integerDigits, 0),
                Math.max(PERP_MAX_DECIMALS - szDecimals, 0));
        BigDecimal valid = stripped.scale() <= decimals ? stripped : stripped.setScale(decimals, mode);
        if (valid.signum() <= 0) {
            throw new IllegalArgumentException("price " + price.toPlainString() + " rounds to zero at " + decimals
                    + " decimals");
        }
        return valid.stripTrailingZeros();
    }

    /** Whether {@code price} satisfies the perpetual price rule for {@code szDecimals}. */
    public static boolean isValidPrice(BigDecimal price, int szDecimals) {
        try {
            return price.signum() > 0 && price(price, szDecimals, RoundingMode.UNNECESSARY).compareTo(price) == 0;
        } catch (ArithmeticException tooPrecise) {
            return false;
        }
    }

    /** Whether {@code size} has at most {@code szDecimals} decimals. */
    public static boolean isValidSize(BigDecimal size, int szDecimals) {
        return size.signum() > 0 && size.stripTrailingZeros().scale() <= szDecimals;
    }
}
