package dev.perpflow.exchange.component;

import dev.perpflow.exchange.OrderEventListener;
import dev.perpflow.exchange.Subscription;
import dev.perpflow.exchange.model.Fill;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.Position;
import dev.perpflow.exchange.model.StreamState;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

/**
 * {@code <venue>:orders}: emits the account's private stream, one exchange per event. The body is an
 * {@link Order}, {@link Fill}, {@link Position} or {@link StreamState}; {@link PerpConstants#EVENT_TYPE} says which.
 */
public class OrderStreamConsumer extends DefaultConsumer implements OrderEventListener {

    public static final String ORDER = "order";
    public static final String FILL = "fill";
    public static final String POSITION = "position";
    public static final String STREAM_STATE = "stream-state";

    private final ExchangeEndpoint endpoint;
    private Subscription subscription;
    private volatile StreamState state;

    public OrderStreamConsumer(ExchangeEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    /** Health: UP while the private stream is connected, DOWN before it first connects and while it is down. */
    @Override
    protected void doInit() throws Exception {
        super.doInit();
        ConsumerHealth.install(this, health -> {
            StreamState current = state;
            if (current == StreamState.CONNECTED) {
                health.up().message("private stream connected");
            } else {
                health.down().message(current == null ? "private stream not connected yet"
                        : "private stream disconnected; REST polling must reconcile");
            }
        });
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        subscription = endpoint.client().subscribeOrders(this);
    }

    @Override
    public void onOrder(Order order) {
        emit(ORDER, order);
    }

    @Override
    public void onFill(Fill fill) {
        emit(FILL, fill);
    }

    @Override
    public void onPosition(Position position) {
        emit(POSITION, position);
    }

    @Override
    public void onStreamState(StreamState state) {
        this.state = state;
        emit(STREAM_STATE, state);
    }

    private void emit(String type, Object body) {
        Exchange exchange = createExchange(true);
        exchange.getMessage().setHeader(PerpConstants.VENUE, endpoint.client().venue());
        exchange.getMessage().setHeader(PerpConstants.EVENT_TYPE, type);
        exchange.getMessage().setBody(body);
        getAsyncProcessor().process(exchange, doneSync -> {
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Error processing " + type + " event", exchange,
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
