package dev.perpflow.app.telegram;

import dev.perpflow.app.logging.SecretMasking;
import org.apache.camel.Exchange;
import org.apache.camel.component.telegram.model.MessageResult;

/** Failures of Bot API calls as text fit for logs and the database: the token in a Bot API URL is masked. */
public final class TelegramErrors {

    private TelegramErrors() {
    }

    /** The innermost message of {@code failure}, masked; its class name when it has none. */
    public static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown error";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : failure.getMessage();
        return SecretMasking.mask(message != null ? message : root.getClass().getSimpleName());
    }

    /**
     * Route step after a {@code telegram:bots} send (routes/telegram.camel.yaml, notifications.camel.yaml):
     * camel-telegram 4.17 does not fail the exchange when the Bot API refuses a message (its async handler throws on
     * a thread nobody watches and leaves the message as the body), so a send counts only when the body became the
     * Bot API's {@code ok} result.
     */
    public static void requireAccepted(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (!(body instanceof MessageResult result) || !result.isOk()) {
            throw new IllegalStateException("the Bot API did not accept the "
                    + (body == null ? "message" : body.getClass().getSimpleName()));
        }
    }
}
