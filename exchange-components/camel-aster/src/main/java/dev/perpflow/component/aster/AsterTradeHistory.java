package dev.perpflow.component.aster;

import dev.perpflow.component.aster.client.AsterRestApi;
import dev.perpflow.component.aster.dto.AsterTrade;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.Order;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Aster's fills as perpflow needs them: the venue's trade history is per market and names only the venue's order
 * id, so this remembers the markets a client touched and the client order id of every venue order it saw, and
 * resolves the rest with one {@code allOrders} page per market (from the oldest unknown order id on, up to
 * {@value #ORDER_PAGES} pages), never one order query per trade.
 */
final class AsterTradeHistory {

    private static final int LIMIT = 1000;
    private static final int ORDER_PAGES = 5;

    private final String venue;
    private final AsterRestApi rest;
    private final Function<String, Optional<Instrument>> instrumentOf;
    /** Venue order id → client order id. */
    private final Map<String, String> clientIds = new ConcurrentHashMap<>();
    /** Venue symbols traded, queried or held: where fills are looked for. */
    private final Set<String> symbols = ConcurrentHashMap.newKeySet();

    AsterTradeHistory(String venue, AsterRestApi rest, Function<String, Optional<Instrument>> instrumentOf) {
        this.venue = venue;
        this.rest = rest;
        this.instrumentOf = instrumentOf;
    }

    void touched(String venueSymbol) {
        symbols.add(venueSymbol);
    }

    /** Remembers the order's client order id for trades that name only its venue order id. */
    Order remember(Order order) {
        if (order.venueOrderId() != null) {
            clientIds.put(order.venueOrderId(), order.clientOrderId());
        }
        return order;
    }

    /** Fills since {@code since} on every market touched. */
    CompletableFuture<List<Fill>> since(Instant since) {
        List<CompletableFuture<List<Fill>>> perSymbol = new ArrayList<>();
        for (String venueSymbol : List.copyOf(symbols)) {
            perSymbol.add(tradesOf(venueSymbol, since));
        }
        return CompletableFuture.allOf(perSymbol.toArray(CompletableFuture[]::new))
                .thenApply(done -> perSymbol.stream().flatMap(f -> f.join().stream()).toList());
    }

    private CompletableFuture<List<Fill>> tradesOf(String venueSymbol, Instant since) {
        Instrument instrument = instrumentOf.apply(venueSymbol).orElseThrow();
        return rest.getUserTrades(venueSymbol, since.toEpochMilli(), LIMIT).thenCompose(trades -> {
            Set<String> unknown = trades.stream().map(AsterTrade::orderId)
                    .filter(id -> id != null && !clientIds.containsKey(id)).collect(Collectors.toSet());
            return resolve(venueSymbol, unknown, 0).thenApply(done -> trades.stream()
                    .map(t -> AsterAdapters.trade(venue, t, instrument.symbol(), clientIds.get(t.orderId())))
                    .toList());
        });
    }

    /** Client order ids of {@code orderIds} from the market's orders, oldest unknown first, a page at a time. */
    private CompletableFuture<Void> resolve(String venueSymbol, Set<String> orderIds, int page) {
        Set<String> missing = orderIds.stream().filter(id -> !clientIds.containsKey(id)).collect(Collectors.toSet());
        if (missing.isEmpty() || page == ORDER_PAGES) {
            return CompletableFuture.completedFuture(null);
        }
        String from = missing.stream().min(Comparator.comparing(AsterTradeHistory::orderNumber)).orElseThrow();
        return rest.getAllOrders(venueSymbol, from, LIMIT).thenCompose(orders -> {
            orders.stream().filter(o -> o.orderId() != null && o.clientOrderId() != null)
                    .forEach(o -> clientIds.put(o.orderId(), o.clientOrderId()));
            boolean progressed = orders.stream().anyMatch(o -> from.equals(o.orderId()));
            return progressed && orders.size() == LIMIT ? resolve(venueSymbol, missing, page + 1)
                    : CompletableFuture.completedFuture(null);
        });
    }

    private static BigDecimal orderNumber(String orderId) {
        try {
            return new BigDecimal(orderId);
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }
}
