package dev.perpflow.component.aster.dto;

import java.util.List;

/** One {@code GET /fapi/v1/leverageBracket} row: a market's notional brackets, each with its initial leverage. */
public record AsterLeverageBracket(String symbol, List<Bracket> brackets) {

    public AsterLeverageBracket {
        brackets = brackets == null ? List.of() : List.copyOf(brackets);
    }

    public record Bracket(Integer initialLeverage) {
    }
}
