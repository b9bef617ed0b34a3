package dev.perpflow.exchange.net;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing the {@link ProxyHealthMonitor} found or did, as logged (with masked proxy URLs) and handed to its
 * listener for auditing.
 *
 * @param at                  when (monitor clock)
 * @param owner               whose traffic the proxy carries (the account name)
 * @param type                what happened
 * @param proxy               the proxy checked or rotated away from; empty only for {@link Type#NO_PROXY}
 * @param next                the proxy rotated to, for {@link Type#ROTATED}
 * @param consecutiveFailures failed checks in a row of {@code proxy}, this one included
 * @param detail              the probe's finding or the rotation reason; never holds a password
 */
public record ProxyEvent(Instant at, String owner, Type type, Optional<ProxyEndpoint> proxy,
        Optional<ProxyEndpoint> next, int consecutiveFailures, String detail) {

    /** Event kinds, by severity of what the owner has to do. */
    public enum Type {
        /** The check passed. */
        HEALTHY,
        /** The check failed, below the rotation threshold. */
        CHECK_FAILED,
        /** Too many failures: the proxy was burned and traffic moves to {@code next}. */
        ROTATED,
        /** Too many failures and no proxy left: the owner's traffic must stop. */
        EXHAUSTED,
        /** There was no usable proxy to check. */
        NO_PROXY
    }

    public ProxyEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(detail, "detail");
    }

    /** The log line: {@code account alice: proxy eu-1 (socks5://u:***@h:1080) check 2/3 failed: ...}. */
    public String describe() {
        String subject = proxy.map(p -> "proxy " + p.describe()).orElse("");
        return switch (type) {
            case HEALTHY -> owner + ": " + subject + " healthy: " + detail;
            case CHECK_FAILED -> owner + ": " + subject + " check failed (" + consecutiveFailures + " in a row): "
                    + detail;
            case ROTATED -> owner + ": rotated from " + subject + " to proxy "
                    + next.map(ProxyEndpoint::describe).orElse("?") + ": " + detail;
            case EXHAUSTED -> owner + ": " + subject + " burned and no proxy is left, traffic must stop: " + detail;
            case NO_PROXY -> owner + ": no usable proxy to check (none assigned or all burned)";
        };
    }

    @Override
    public String toString() {
        return "ProxyEvent[" + at + " " + type + " " + describe() + "]";
    }
}
