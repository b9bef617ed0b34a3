package dev.perpflow.app.telegram;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

/**
 * The Telegram routes, added only when a bot token is configured: {@code telegram:bots} (polling the Bot API at
 * {@code perpflow.telegram.base-uri}) into the {@link TelegramBot}, and a timer delivering notifications every two
 * seconds. Replies and notifications go out through {@link #sender}. (Not a {@code RouteBuilder} subclass itself:
 * Camel Main would discover and instantiate it without a token.)
 */
public final class TelegramRoutes {

    private final String endpoint;
    private final long pollDelayMillis;

    public TelegramRoutes(String token, String baseUri, long pollDelayMillis) {
        this.endpoint = "telegram:bots?authorizationToken=RAW(" + token + ")&baseUri=RAW(" + baseUri + ")";
        this.pollDelayMillis = pollDelayMillis;
    }

    /** Sends through the telegram component, synchronously; a refusal or failure throws. */
    public TelegramSender sender(ProducerTemplate template) {
        return message -> template.requestBody(endpoint, message);
    }

    /** Adds the routes (as a lambda builder: Camel Main's scan must not find a builder class here). */
    public void addTo(CamelContext context) throws Exception {
        String consumer = endpoint + "&timeout=1&delay=" + pollDelayMillis + "&initialDelay=1000";
        RouteBuilder.addRoutes(context, builder -> {
            builder.from(consumer).routeId("telegram-bot").bean("telegramBot", "onUpdate");
            builder.from("timer:telegram-notifications?period=2000&delay=3000").routeId("telegram-notifications")
                    .bean("telegramNotifier", "deliver");
        });
    }
}
