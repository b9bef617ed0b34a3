package dev.perpflow.testkit;

/** A fake venue's stream endpoint: called on the server's I/O thread for each session event. */
public interface FakeWebSocketHandler {

    default void onOpen(FakeWebSocketSession session) {
    }

    void onText(FakeWebSocketSession session, String text);

    default void onClose(FakeWebSocketSession session) {
    }
}
