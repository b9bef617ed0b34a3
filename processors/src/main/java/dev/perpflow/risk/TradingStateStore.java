package dev.perpflow.risk;

import java.util.Optional;

/** Where the trading state survives restarts (the database in the app). */
public interface TradingStateStore {

    Optional<TradingState> load();

    void save(TradingState state, String reason);

    /** A store that forgets on restart; for tests. */
    static TradingStateStore inMemory() {
        return new TradingStateStore() {
            private volatile TradingState state;

            @Override
            public Optional<TradingState> load() {
                return Optional.ofNullable(state);
            }

            @Override
            public void save(TradingState newState, String reason) {
                state = newState;
            }
        };
    }
}
