package dev.perpflow.exchange.component;

import dev.perpflow.exchange.BookListener;
import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.OrderEventListener;
import dev.perpflow.exchange.Subscription;
import dev.perpflow.exchange.model.Balance;
import dev.perpflow.exchange.model.Bbo;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.FundingRate;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.MarketStats;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderBook;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.Position;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** A scriptable ExchangeClient for testing the shared component classes without a venue. */
class StubExchangeClient implements ExchangeClient {

    volatile Supplier<CompletableFuture<List<FundingRate>>> fundingRates = () -> CompletableFuture.completedFuture(
            List.of(new FundingRate("stub", "BTC", new BigDecimal("0.0001"), 8, null, null, null, null, Instant.EPOCH)));
    volatile Supplier<CompletableFuture<Order>> submitResult;
    volatile OrderEventListener orderListener;

    @Override
    public String venue() {
        return "stub";
    }

    @Override
    public CompletableFuture<List<Instrument>> instruments() {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletableFuture<List<FundingRate>> fundingRates() {
        return fundingRates.get();
    }

    @Override
    public CompletableFuture<List<MarketStats>> marketStats() {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletableFuture<OrderBook> orderBook(String symbol, int depth) {
        return CompletableFuture.completedFuture(new OrderBook("stub", symbol, List.of(), List.of(), depth, Instant.EPOCH));
    }

    @Override
    public CompletableFuture<Bbo> bbo(String symbol) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException());
    }

    @Override
    public CompletableFuture<Order> submitOrder(OrderRequest request) {
        if (submitResult != null) {
            return submitResult.get();
        }
        return CompletableFuture.completedFuture(new Order("stub", request.clientOrderId(), "v-1", request.symbol(),
                request.side(), request.type(), request.timeInForce(), request.quantity(), request.price(),
                BigDecimal.ZERO, null, OrderStatus.OPEN, request.reduceOnly(), null, Instant.EPOCH, Instant.EPOCH));
    }

    @Override
    public CompletableFuture<Order> cancelOrder(String symbol, String clientOrderId) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException());
    }

    @Override
    public CompletableFuture<Order> queryOrder(String symbol, String clientOrderId) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException());
    }

    @Override
    public CompletableFuture<List<Order>> openOrders(String symbol) {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletableFuture<List<Position>> positions() {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletableFuture<List<Balance>> balances() {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletableFuture<List<Fill>> fillsSince(Instant since) {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletableFuture<Integer> setLeverage(String symbol, int leverage) {
        return CompletableFuture.completedFuture(leverage);
    }

    @Override
    public Subscription subscribeBook(String symbol, BookListener listener) {
        return () -> { };
    }

    @Override
    public Subscription subscribeOrders(OrderEventListener listener) {
        orderListener = listener;
        return () -> orderListener = null;
    }

    @Override
    public void close() {
    }
}
