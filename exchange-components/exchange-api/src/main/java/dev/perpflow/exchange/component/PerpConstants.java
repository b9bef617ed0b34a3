package dev.perpflow.exchange.component;

import org.apache.camel.spi.Metadata;

/** Message headers used by every venue component. Our own {@code Perp} prefix, never Camel's. */
public final class PerpConstants {

    @Metadata(description = "The venue the message came from or is meant for.", javaType = "String")
    public static final String VENUE = "PerpVenue";

    @Metadata(description = "Normalized symbol, e.g. BTC. Overrides the endpoint's symbol option.", javaType = "String")
    public static final String SYMBOL = "PerpSymbol";

    @Metadata(description = "Client order id for cancelOrder and queryOrder (or the String body).", javaType = "String")
    public static final String CLIENT_ORDER_ID = "PerpClientOrderId";

    @Metadata(description = "Start of the window for fillsSince.", javaType = "java.time.Instant")
    public static final String SINCE = "PerpSince";

    @Metadata(description = "Leverage to apply for setLeverage.", javaType = "Integer")
    public static final String LEVERAGE = "PerpLeverage";

    @Metadata(description = "Kind of stream event on the orders consumer: order, fill, position or stream-state.",
              javaType = "String")
    public static final String EVENT_TYPE = "PerpEventType";

    private PerpConstants() {
    }
}
