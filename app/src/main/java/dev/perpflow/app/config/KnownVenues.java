package dev.perpflow.app.config;

import java.util.LinkedHashMap;
import java.util.Map;

/** The real venues perpflow targets, with their production endpoints (overridable per venue). */
public final class KnownVenues {

    /** name → {rest url, websocket url}. */
    public static final Map<String, String[]> PRODUCTION_URLS = new LinkedHashMap<>();
    /**
     * name → the other hosts of a venue served from several ({@code perpflow.venues.<name>.<option>}, production by
     * default): GRVT's {@code rest-url} is its market-data host, trading and login are hosts of their own.
     */
    public static final Map<String, Map<String, String>> OTHER_URLS = Map.of("grvt", Map.of(
            "trades-url", "https://trades.grvt.io", "auth-url", "https://edge.grvt.io"));

    static {
        PRODUCTION_URLS.put("aster", new String[] {"https://fapi.asterdex.com", "wss://fstream.asterdex.com"});
        PRODUCTION_URLS.put("backpack", new String[] {"https://api.backpack.exchange", "wss://ws.backpack.exchange"});
        PRODUCTION_URLS.put("lighter", new String[] {"https://mainnet.zklighter.elliot.ai",
            "wss://mainnet.zklighter.elliot.ai/stream"});
        PRODUCTION_URLS.put("paradex", new String[] {"https://api.prod.paradex.trade/v1", "wss://ws.api.prod.paradex.trade/v1"});
        // EdgeX: its v2 API hosts (the v1 hosts pro.edgex.exchange / quote.edgex.exchange serve the StarkEx generation)
        PRODUCTION_URLS.put("edgex", new String[] {"https://edgex-prod-v2.edgex.exchange",
            "wss://edgex-quote-prod-v2.edgex.exchange"});
        PRODUCTION_URLS.put("grvt", new String[] {"https://market-data.grvt.io", "wss://market-data.grvt.io/ws/full"});
        PRODUCTION_URLS.put("hyperliquid", new String[] {"https://api.hyperliquid.xyz", "wss://api.hyperliquid.xyz/ws"});
    }

    private KnownVenues() {
    }
}
