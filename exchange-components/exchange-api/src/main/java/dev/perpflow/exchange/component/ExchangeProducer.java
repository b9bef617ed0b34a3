package dev.perpflow.exchange.component;

import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.exchange.error.ExchangeException;
import dev.perpflow.exchange.model.OrderRequest;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Producer for every request/response operation of a venue. Non-blocking: the exchange completes when the
 * venue's future does, with the result as body or the typed {@link ExchangeException} as exception.
 */
public class ExchangeProducer extends DefaultAsyncProducer {

    private final ExchangeEndpoint endpoint;

    public ExchangeProducer(ExchangeEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<?> result;
        try {
            result = invoke(endpoint.client(), exchange.getMessage());
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        result.whenComplete((value, failure) -> {
            if (failure != null) {
                exchange.setException(ExchangeException.unwrap(failure));
            } else {
                exchange.getMessage().setBody(value);
            }
            callback.done(false);
        });
        return false;
    }

    private CompletableFuture<?> invoke(ExchangeClient client, Message in) throws InvalidPayloadException {
        return switch (endpoint.getOperation()) {
            case FUNDING -> client.fundingRates();
            case MARKET_STATS -> client.marketStats();
            case INSTRUMENTS -> client.instruments();
            case BOOK -> client.orderBook(requiredSymbol(in), endpoint.getDepth());
            case SUBMIT_ORDER -> client.submitOrder(in.getMandatoryBody(OrderRequest.class));
            case CANCEL_ORDER -> client.cancelOrder(requiredSymbol(in), clientOrderId(in));
            case QUERY_ORDER -> client.queryOrder(requiredSymbol(in), clientOrderId(in));
            case OPEN_ORDERS -> client.openOrders(symbol(in));
            case POSITIONS -> client.positions();
            case BALANCES -> client.balances();
            case FILLS -> client.fillsSince(required(in, PerpConstants.SINCE, Instant.class));
            case SET_LEVERAGE -> client.setLeverage(requiredSymbol(in), required(in, PerpConstants.LEVERAGE, Integer.class));
            case ORDERS -> throw new UnsupportedOperationException("orders can only be consumed");
        };
    }

    private String symbol(Message in) {
        String header = in.getHeader(PerpConstants.SYMBOL, String.class);
        return header != null ? header : endpoint.getSymbol();
    }

    private String requiredSymbol(Message in) {
        String symbol = symbol(in);
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException(endpoint.getOperation().uriName()
                    + " needs a symbol: set the " + PerpConstants.SYMBOL + " header or the symbol option");
        }
        return symbol;
    }

    private static String clientOrderId(Message in) {
        String id = in.getHeader(PerpConstants.CLIENT_ORDER_ID, String.class);
        if (id == null && in.getBody() instanceof String body) {
            id = body;
        }
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(
                    "a client order id is required: set the " + PerpConstants.CLIENT_ORDER_ID + " header or a String body");
        }
        return id;
    }

    private static <T> T required(Message in, String header, Class<T> type) {
        T value = in.getHeader(header, type);
        if (value == null) {
            throw new IllegalArgumentException("header " + header + " is required");
        }
        return value;
    }
}
