package dev.perpflow.exchange;

/** A live stream registration; closing it stops delivery. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    @Override
    void close();
}
