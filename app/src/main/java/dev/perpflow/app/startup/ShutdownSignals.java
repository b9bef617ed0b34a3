package dev.perpflow.app.startup;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Ctrl+C handling as the seed: the first press starts a graceful shutdown (strategies, then routes, then venue
 * connections); a second press within two seconds exits at once.
 */
public final class ShutdownSignals {

    static final long FORCE_WINDOW_MS = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSignals.class);

    private ShutdownSignals() {
    }

    public static void install(Runnable gracefulShutdown) {
        AtomicLong firstPress = new AtomicLong();
        try {
            Signal.handle(new Signal("INT"), signal -> {
                long now = System.currentTimeMillis();
                long previous = firstPress.get();
                if (previous != 0 && now - previous <= FORCE_WINDOW_MS) {
                    LOG.warn("Second Ctrl+C: exiting immediately");
                    Runtime.getRuntime().halt(130);
                }
                if (previous == 0) {
                    firstPress.set(now);
                    LOG.info("Ctrl+C: shutting down gracefully (press again within 2 s to exit immediately)");
                    Thread shutdown = new Thread(gracefulShutdown, "perpflow-shutdown");
                    shutdown.setDaemon(true);
                    shutdown.start();
                } else {
                    firstPress.set(now);
                    LOG.info("Still shutting down; press Ctrl+C twice within 2 s to exit immediately");
                }
            });
        } catch (IllegalArgumentException e) {
            // No SIGINT on this platform/JVM (e.g. -Xrs): the JVM's own shutdown hook still stops Camel.
            LOG.debug("SIGINT handler not installed: {}", e.getMessage());
        }
    }
}
