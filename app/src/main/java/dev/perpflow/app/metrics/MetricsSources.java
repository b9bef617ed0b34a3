package dev.perpflow.app.metrics;

import dev.perpflow.risk.TradingState;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The live state behind perpflow's gauges, read at each scrape ({@link PerpflowMetrics#refresh()}). An interface so
 * the gauges can be tested over known values; the app's implementation is {@link AppMetricsSources}.
 */
public interface MetricsSources {

    /** By venue, by stream ({@code orders}): whether it is connected. */
    Map<String, Map<String, Boolean>> streamsUp();

    /** Positions held by running runs, by strategy ({@code funding_arbitrage}, {@code grid}). */
    Map<String, Integer> openPositions();

    /** Net PnL in USD of each running funding-arbitrage run's open positions, by run id. */
    Map<String, BigDecimal> positionPnlUsd();

    /** The state each known account trades under, by account. */
    Map<String, TradingState> tradingStates();

    /** Notifications stored and not yet delivered. */
    long notificationsPending();
}
