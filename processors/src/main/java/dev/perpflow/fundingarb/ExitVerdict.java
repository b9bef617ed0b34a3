package dev.perpflow.fundingarb;

/**
 * What the exit evaluation decided for one position.
 *
 * @param close     whether to close
 * @param reason    the exit reason when closing, else why the position is held (e.g. {@code MIN_HOLD_ACTIVE}),
 *                  or {@code null} when nothing calls for an exit
 * @param immediate close now, bypassing the break-even polling (liquidation risk, a missing leg, imbalance)
 * @param type      how to close
 */
public record ExitVerdict(boolean close, String reason, boolean immediate, CloseType type) {

    public static final String MIN_HOLD_ACTIVE = "MIN_HOLD_ACTIVE";
    public static final String HOLD_TOP_OPPORTUNITY = "HOLD_TOP_OPPORTUNITY";

    public static ExitVerdict hold(String why) {
        return new ExitVerdict(false, why, false, CloseType.DEFAULT);
    }

    public static ExitVerdict closeNow(String reason, CloseType type) {
        return new ExitVerdict(true, reason, true, type);
    }

    public static ExitVerdict closeWhenBreakEven(String reason) {
        return new ExitVerdict(true, reason, false, CloseType.LIMIT);
    }
}
