package dev.perpflow.app.fundingarb;

import dev.perpflow.app.funding.OpportunityService;
import dev.perpflow.app.persistence.FundingQueries;
import dev.perpflow.app.persistence.FundingQueries.LatestRateRow;
import dev.perpflow.funding.Opportunity;
import dev.perpflow.funding.OpportunityFilter;
import dev.perpflow.fundingarb.FundingView;
import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Funding data for runs from the funding service: its ranking and the latest stored rates, 8-hour normalized. */
public class ServiceFundingView implements FundingView {

    private final OpportunityService opportunities;
    private final FundingQueries queries;

    public ServiceFundingView(OpportunityService opportunities, FundingQueries queries) {
        this.opportunities = opportunities;
        this.queries = queries;
    }

    @Override
    public List<Opportunity> opportunities(OpportunityFilter filter) {
        try {
            return opportunities.rank(filter).opportunities();
        } catch (SQLException e) {
            throw new IllegalStateException("opportunities unavailable: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<BigDecimal> rate8h(String venue, String symbol) {
        try {
            return queries.latestRates(venue, symbol).stream().findFirst().map(ServiceFundingView::per8h);
        } catch (SQLException e) {
            throw new IllegalStateException("latest rate of " + venue + " " + symbol + " unavailable: " + e.getMessage(), e);
        }
    }

    @Override
    public void markUntradeable(String venue, String symbol) {
        opportunities.finder().markUntradeable(venue, symbol);
    }

    private static BigDecimal per8h(LatestRateRow row) {
        return row.rate().multiply(BigDecimal.valueOf(8)).divide(BigDecimal.valueOf(row.intervalHours()),
                MathContext.DECIMAL64);
    }
}
