package dev.perpflow.exchange.component;

import dev.perpflow.exchange.ExchangeClient;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Base endpoint of every venue component. Venue subclasses add {@code @UriEndpoint} metadata and any
 * venue-specific options; the consumers and the producer are shared.
 */
public abstract class ExchangeEndpoint extends ScheduledPollEndpoint {

    /** Default funding poll period (the seed's collection interval). */
    public static final long DEFAULT_FUNDING_DELAY_MS = 60_000;

    @UriPath(description = "What the endpoint does: funding, book, orders (consumers) or a producer operation",
             enums = "funding,book,orders,marketStats,instruments,submitOrder,cancelOrder,queryOrder,openOrders,"
                     + "positions,balances,fills,setLeverage")
    @Metadata(required = true)
    private final ExchangeOperation operation;

    @UriParam(description = "Normalized symbol (e.g. BTC) for book streams and symbol-scoped producer operations."
            + " A PerpSymbol header overrides it on producers.")
    private String symbol;

    @UriParam(defaultValue = "20", description = "Levels per side for book snapshots.")
    private int depth = 20;

    @UriParam(label = "consumer", defaultValue = "60000",
              description = "A book consumer reports DOWN in its health check when no book came for this long"
                      + " (milliseconds).")
    private long bookStaleAfter = 60_000;

    @UriParam(label = "consumer", defaultValue = "30000",
              description = "How long one funding poll may take, retries included, before it fails (milliseconds).")
    private long requestTimeout = 30_000;

    @UriParam(label = "consumer", defaultValue = "3",
              description = "Attempts per funding poll for retryable failures (unreachable venue, rate limit).")
    private int retryAttempts = 3;

    @UriParam(label = "consumer", defaultValue = "2000",
              description = "Wait before the first retry of a funding poll (milliseconds); doubles per retry.")
    private long retryDelay = 2_000;

    @UriParam(label = "consumer", defaultValue = "10000", description = "Longest wait between two retries (milliseconds).")
    private long retryMaxDelay = 10_000;

    protected ExchangeEndpoint(String uri, ExchangeComponent component, ExchangeOperation operation) {
        super(uri, component);
        this.operation = operation;
        if (operation == ExchangeOperation.FUNDING) {
            setDelay(DEFAULT_FUNDING_DELAY_MS);
        }
    }

    @Override
    public ExchangeComponent getComponent() {
        return (ExchangeComponent) super.getComponent();
    }

    /** The client this endpoint trades with (the component's unless the endpoint names another account). */
    public ExchangeClient client() {
        return getComponent().clientFor(this);
    }

    /**
     * The account this endpoint trades as, compared with the component's ({@link ExchangeComponent#clientKey()}):
     * {@code null}, the default, for the component's client. Computed once.
     */
    protected Object clientKey() {
        VenueConfiguration configuration = venueConfiguration();
        return configuration == null ? null : configuration.clientKey();
    }

    /** The venue endpoint's own configuration (its account), or {@code null} for a venue without one. */
    protected VenueConfiguration venueConfiguration() {
        return null;
    }

    /** A client for this endpoint's own account (when {@link #clientKey()} differs from the component's). */
    protected ExchangeClient createOwnClient() {
        throw new UnsupportedOperationException(getEndpointUri() + " has no client of its own");
    }

    private Object resolvedClientKey;
    private boolean clientKeyResolved;

    synchronized Object resolvedClientKey() {
        if (!clientKeyResolved) {
            resolvedClientKey = clientKey();
            clientKeyResolved = true;
        }
        return resolvedClientKey;
    }

    @Override
    public Producer createProducer() {
        if (!operation.isProducible()) {
            throw new UnsupportedOperationException(operation.uriName() + " can only be consumed");
        }
        return new ExchangeProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        Consumer consumer = switch (operation) {
            case FUNDING -> new FundingPollConsumer(this, processor);
            case BOOK -> new BookStreamConsumer(this, processor);
            case ORDERS -> new OrderStreamConsumer(this, processor);
            default -> throw new UnsupportedOperationException(
                    operation.uriName() + " is a producer operation; consumers are funding, book and orders");
        };
        configureConsumer(consumer);
        return consumer;
    }

    public ExchangeOperation getOperation() {
        return operation;
    }

    public String getSymbol() {
        return symbol;
    }

    public void setSymbol(String symbol) {
        this.symbol = symbol;
    }

    public int getDepth() {
        return depth;
    }

    public void setDepth(int depth) {
        this.depth = depth;
    }

    public long getBookStaleAfter() {
        return bookStaleAfter;
    }

    public void setBookStaleAfter(long bookStaleAfter) {
        this.bookStaleAfter = bookStaleAfter;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public int getRetryAttempts() {
        return retryAttempts;
    }

    public void setRetryAttempts(int retryAttempts) {
        this.retryAttempts = retryAttempts;
    }

    public long getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(long retryDelay) {
        this.retryDelay = retryDelay;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }
}
