package dev.perpflow.app.funding;

import dev.perpflow.funding.Opportunity;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** An {@link Opportunity} with the seed's {@code ArbitrageOpportunity} keys. */
public final class OpportunityJson {

    private OpportunityJson() {
    }

    public static Map<String, Object> of(Opportunity o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", o.symbol());
        m.put("long_dex", o.longDex());
        m.put("short_dex", o.shortDex());
        m.put("long_rate", plain(o.longRate()));
        m.put("short_rate", plain(o.shortRate()));
        m.put("long_interval_hours", o.longIntervalHours());
        m.put("short_interval_hours", o.shortIntervalHours());
        m.put("divergence", plain(o.divergence()));
        m.put("estimated_fees", plain(o.estimatedFees()));
        m.put("net_profit_percent", plain(o.netProfitPercent()));
        m.put("annualized_apy", plain(o.annualizedApy()));
        m.put("long_dex_volume_24h", o.longDexVolume24h());
        m.put("short_dex_volume_24h", o.shortDexVolume24h());
        m.put("min_volume_24h", o.minVolume24h());
        m.put("long_dex_oi_usd", o.longDexOiUsd());
        m.put("short_dex_oi_usd", o.shortDexOiUsd());
        m.put("min_oi_usd", o.minOiUsd());
        m.put("max_oi_usd", o.maxOiUsd());
        m.put("oi_ratio", plain(o.oiRatio()));
        m.put("oi_imbalance", o.oiImbalance());
        m.put("long_dex_spread_bps", o.longDexSpreadBps());
        m.put("short_dex_spread_bps", o.shortDexSpreadBps());
        m.put("avg_spread_bps", o.avgSpreadBps());
        m.put("discovered_at", o.discoveredAt());
        return m;
    }

    private static BigDecimal plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
