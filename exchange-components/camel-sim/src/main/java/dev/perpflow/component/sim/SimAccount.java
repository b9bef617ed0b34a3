package dev.perpflow.component.sim;

import dev.perpflow.exchange.model.Fill;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One account at a simulated venue: its cash, positions, orders (client order ids are unique per account, as at a
 * real venue) and fills. Accounts share the venue's markets and prices and nothing else, so two perpflow accounts
 * trading the same symbol on one sim never see each other's positions.
 */
final class SimAccount {

    final String name;
    final Map<String, SimPosition> positions = new HashMap<>();
    final Map<String, SimOrder> orders = new LinkedHashMap<>();
    final List<Fill> fills = new ArrayList<>();
    final List<FundingSettlement> settlements = new ArrayList<>();
    BigDecimal cash;

    SimAccount(String name, BigDecimal cash) {
        this.name = name;
        this.cash = cash;
    }
}
