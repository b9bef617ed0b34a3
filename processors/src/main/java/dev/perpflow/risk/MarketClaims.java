package dev.perpflow.risk;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One run per market per account: a venue nets every order of an account on a symbol into one position, so two runs
 * trading the same symbol on the same venue and account would read each other's quantity as their own (a long of
 * one and a short of the other cancel out and both look closed). A run claims a venue's market before it trades
 * there and releases it when it holds nothing there any more; a market claimed by another run is left alone.
 */
public interface MarketClaims {

    /**
     * Claims {@code venue}/{@code symbol} of {@code account} for {@code runId}; returns the run that holds it instead,
     * or empty when the claim is (now or already) this run's.
     */
    Optional<String> claim(String account, String venue, String symbol, String runId);

    /** Releases a claim of {@code runId} (nothing happens when another run holds it). */
    void release(String account, String venue, String symbol, String runId);

    /** Claims held in memory only; for tests and a single process. */
    static MarketClaims inMemory() {
        return new MarketClaims() {
            private final Map<String, String> holders = new ConcurrentHashMap<>();

            @Override
            public Optional<String> claim(String account, String venue, String symbol, String runId) {
                String holder = holders.putIfAbsent(account + '|' + venue + '|' + symbol, runId);
                return holder == null || holder.equals(runId) ? Optional.empty() : Optional.of(holder);
            }

            @Override
            public void release(String account, String venue, String symbol, String runId) {
                holders.remove(account + '|' + venue + '|' + symbol, runId);
            }
        };
    }
}
