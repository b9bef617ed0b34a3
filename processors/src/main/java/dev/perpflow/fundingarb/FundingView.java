package dev.perpflow.fundingarb;

import dev.perpflow.funding.Opportunity;
import dev.perpflow.funding.OpportunityFilter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** The funding data a run decides on: ranked opportunities and the latest 8-hour normalized rate per market. */
public interface FundingView {

    List<Opportunity> opportunities(OpportunityFilter filter);

    Optional<BigDecimal> rate8h(String venue, String symbol);

    /** Marks a market untradeable after the venue said it does not exist (the seed's MARKET_NOT_FOUND). */
    void markUntradeable(String venue, String symbol);
}
