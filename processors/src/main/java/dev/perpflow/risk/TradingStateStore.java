package dev.perpflow.risk;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where trading states survive restarts, one per scope: {@link RiskGuard#GLOBAL} (every account) or an account
 * name. The app keeps them in the database with a local file as fallback, so a halt holds while the database is
 * unreachable and across a restart in between.
 */
public interface TradingStateStore {

    /** A persisted state of one scope. */
    record Saved(TradingState state, String reason, Instant at) {
    }

    /** Every scope's last saved state. */
    Map<String, Saved> loadAll();

    /**
     * Persists a scope's state. Throws when it could not be made durable anywhere; a store with a fallback succeeds
     * as long as one place took it.
     */
    void save(String scope, Saved saved);

    /** A store that forgets on restart; for tests. */
    static TradingStateStore inMemory() {
        return new TradingStateStore() {
            private final Map<String, Saved> states = new ConcurrentHashMap<>();

            @Override
            public Map<String, Saved> loadAll() {
                return Map.copyOf(states);
            }

            @Override
            public void save(String scope, Saved saved) {
                states.put(scope, saved);
            }
        };
    }
}
