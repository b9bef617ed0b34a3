package dev.perpflow.exchange.net;

import java.io.IOException;

/**
 * The upstream proxy could not give us a connection. Messages name the proxy by its masked URL only.
 */
final class ProxyFailure extends IOException {

    /** What went wrong, which decides the answer the loopback bridge gives its client. */
    enum Kind {
        /** The proxy refused our credentials, or wants credentials we do not have: answered 407. */
        AUTHENTICATION,
        /** The proxy is unreachable, broke the protocol or could not reach the target: answered 502. */
        UNAVAILABLE
    }

    private final Kind kind;

    ProxyFailure(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }
}
