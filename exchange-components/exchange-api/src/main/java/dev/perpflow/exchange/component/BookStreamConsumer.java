package dev.perpflow.exchange.component;

import dev.perpflow.exchange.Subscription;
import dev.perpflow.exchange.model.OrderBook;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

/** {@code <venue>:book?symbol=X}: emits an {@link OrderBook} for every update of the venue's book stream. */
public class BookStreamConsumer extends DefaultConsumer {

    private final ExchangeEndpoint endpoint;
    private Subscription subscription;
    private volatile long lastBookNanos;

    public BookStreamConsumer(ExchangeEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    /** Health: UP while books keep coming (one within {@code bookStaleAfter}), DOWN otherwise. */
    @Override
    protected void doInit() throws Exception {
        super.doInit();
        ConsumerHealth.install(this, health -> {
            long last = lastBookNanos;
            if (last == 0) {
                health.down().message("no book yet");
                return;
            }
            long ageMillis = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - last);
            health.detail("book.age.ms", ageMillis);
            if (ageMillis <= endpoint.getBookStaleAfter()) {
                health.up().message("book live");
            } else {
                health.down().message("no book for " + ageMillis + " ms (stream down or resyncing)");
            }
        });
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (endpoint.getSymbol() == null) {
            throw new IllegalArgumentException(endpoint.getEndpointUri() + ": a book consumer needs the symbol option");
        }
        subscription = endpoint.client().subscribeBook(endpoint.getSymbol(), this::emit);
    }

    private void emit(OrderBook book) {
        lastBookNanos = System.nanoTime();
        Exchange exchange = createExchange(true);
        exchange.getMessage().setHeader(PerpConstants.VENUE, book.venue());
        exchange.getMessage().setHeader(PerpConstants.SYMBOL, book.symbol());
        exchange.getMessage().setBody(book);
        getAsyncProcessor().process(exchange, doneSync -> {
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Error processing book of " + book.symbol(), exchange,
                        exchange.getException());
            }
            releaseExchange(exchange, false);
        });
    }

    @Override
    protected void doStop() throws Exception {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        super.doStop();
    }
}
