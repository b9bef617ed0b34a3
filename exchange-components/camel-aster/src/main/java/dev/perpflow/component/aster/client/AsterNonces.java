package dev.perpflow.component.aster.client;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * V3 request nonces: the current time in microseconds, strictly increasing per API wallet across this JVM. Aster
 * rejects a nonce it has seen (it keeps the last 100 per account) or one more than 10 s off its clock, so two
 * requests in the same microsecond, or from two clients sharing a wallet, must still differ.
 */
public final class AsterNonces {

    private static final Map<String, AsterNonces> BY_SIGNER = new ConcurrentHashMap<>();

    private final AtomicLong last = new AtomicLong();

    private AsterNonces() {
    }

    public static AsterNonces of(String signerAddress) {
        return BY_SIGNER.computeIfAbsent(signerAddress.toLowerCase(Locale.ROOT), s -> new AsterNonces());
    }

    public long next(Clock clock) {
        Instant now = clock.instant();
        long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        return last.updateAndGet(previous -> Math.max(previous + 1, micros));
    }
}
