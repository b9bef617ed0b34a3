-- Strategy runs (grid now; funding-arb and the runtime extend these), the grid's persisted state, and the events
-- every run writes (exposed at /api/v1/strategies/{id}/events).

CREATE TABLE strategy_runs (
    id             VARCHAR(64)  PRIMARY KEY,
    strategy       VARCHAR(32)  NOT NULL CHECK (strategy IN ('grid', 'funding_arbitrage')),
    venue          VARCHAR(32)  NOT NULL,
    config         JSONB        NOT NULL,
    status         VARCHAR(16)  NOT NULL CHECK (status IN ('starting', 'running', 'paused', 'stopped', 'error')),
    started_at     TIMESTAMPTZ  NOT NULL,
    stopped_at     TIMESTAMPTZ,
    last_heartbeat TIMESTAMPTZ,
    error_message  TEXT
);

CREATE TABLE grid_states (
    run_id     VARCHAR(64) PRIMARY KEY REFERENCES strategy_runs (id),
    state      JSONB       NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE strategy_events (
    id       BIGSERIAL    PRIMARY KEY,
    run_id   VARCHAR(64)  NOT NULL REFERENCES strategy_runs (id),
    time     TIMESTAMPTZ  NOT NULL,
    type     VARCHAR(64)  NOT NULL,
    level    VARCHAR(8)   NOT NULL CHECK (level IN ('INFO', 'WARNING', 'ERROR')),
    message  TEXT         NOT NULL,
    details  JSONB        NOT NULL DEFAULT '{}'
);
CREATE INDEX strategy_events_by_run ON strategy_events (run_id, id DESC);
