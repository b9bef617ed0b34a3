package dev.perpflow.execution;

/** Where the execution core reports what a human must look at (Telegram and logs, once wired). */
@FunctionalInterface
public interface Alerts {

    void raise(String message);
}
