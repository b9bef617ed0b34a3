-- Execution under faults.

-- An order its execution gave up on (cancel unconfirmed, outcome unknown) is cancelled whenever it is seen working.
ALTER TABLE orders ADD COLUMN cancel_requested BOOLEAN NOT NULL DEFAULT FALSE;

-- A fill is its trade id within its order: venues reuse trade ids (e.g. after their own restart), and a reused id
-- must never make a real fill disappear. order_ref = client order id, else venue order id, else '' (liquidations).
ALTER TABLE fills ADD COLUMN order_ref VARCHAR(64) NOT NULL DEFAULT '';
UPDATE fills SET order_ref = COALESCE(client_order_id, venue_order_id, '');
ALTER TABLE fills DROP CONSTRAINT fills_pkey;
ALTER TABLE fills ADD PRIMARY KEY (account, venue, trade_id, order_ref);

-- Trading states per scope: '*' is the kill switch over every account, an account name halts one account (the
-- daily loss limit). A local file in the data dir keeps the same states while the database is unreachable.
CREATE TABLE trading_states (
    scope      VARCHAR(130) PRIMARY KEY,
    state      VARCHAR(8)   NOT NULL CHECK (state IN ('ACTIVE', 'REDUCING', 'HALTED')),
    reason     TEXT,
    updated_at TIMESTAMPTZ  NOT NULL
);
INSERT INTO trading_states (scope, state, reason, updated_at)
    SELECT '*', state, reason, updated_at FROM trading_state;
DROP TABLE trading_state;

-- The daily loss limit measures each account's equity against its first reading of the UTC day.
CREATE TABLE daily_equity (
    account     VARCHAR(130)    NOT NULL,
    day         DATE            NOT NULL,
    equity_usd  NUMERIC(30, 12) NOT NULL,
    recorded_at TIMESTAMPTZ     NOT NULL,
    PRIMARY KEY (account, day)
);

-- One run per market per account (a venue nets an account's orders on a symbol into one position).
CREATE TABLE market_claims (
    account    VARCHAR(130) NOT NULL,
    venue      VARCHAR(32)  NOT NULL,
    symbol     VARCHAR(32)  NOT NULL,
    run_id     VARCHAR(64)  NOT NULL,
    claimed_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (account, venue, symbol)
);

-- A stopped run that still holds positions keeps watching and closing them: 'stopping' until it is flat.
ALTER TABLE strategy_runs DROP CONSTRAINT strategy_runs_status_check;
ALTER TABLE strategy_runs ADD CONSTRAINT strategy_runs_status_check
    CHECK (status IN ('starting', 'running', 'stopping', 'paused', 'stopped', 'error'));
