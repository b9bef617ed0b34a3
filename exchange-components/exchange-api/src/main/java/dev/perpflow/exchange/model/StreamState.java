package dev.perpflow.exchange.model;

/** Connection state of a venue stream, reported so trackers can fall back to REST polling. */
public enum StreamState {
    CONNECTED,
    DISCONNECTED
}
