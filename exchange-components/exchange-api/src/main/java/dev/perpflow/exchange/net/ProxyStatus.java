package dev.perpflow.exchange.net;

/**
 * An account's standing with one of its proxies, in selection rank order: {@code ACTIVE} proxies are used first,
 * {@code STANDBY} ones only when no active proxy is left, {@code BURNED} ones (failed health checks) never.
 */
public enum ProxyStatus {
    ACTIVE,
    STANDBY,
    BURNED;

    /** Rank in the selection order (lower first). */
    public int rank() {
        return ordinal();
    }
}
