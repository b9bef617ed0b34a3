-- Execution journal: every order is written here (status NEW) before it is sent, and fills are unique per
-- (venue, trade id). The trading state (ACTIVE / REDUCING / HALTED) survives restarts.

CREATE TABLE orders (
    venue           VARCHAR(32)     NOT NULL,
    client_order_id VARCHAR(64)     NOT NULL,
    symbol          VARCHAR(32)     NOT NULL,
    side            VARCHAR(4)      NOT NULL CHECK (side IN ('BUY', 'SELL')),
    order_type      VARCHAR(8)      NOT NULL CHECK (order_type IN ('MARKET', 'LIMIT')),
    time_in_force   VARCHAR(12)     NOT NULL CHECK (time_in_force IN ('GTC', 'IOC', 'POST_ONLY')),
    quantity        NUMERIC(30, 12) NOT NULL CHECK (quantity > 0),
    price           NUMERIC(30, 12),
    reduce_only     BOOLEAN         NOT NULL,
    purpose         VARCHAR(64)     NOT NULL,
    status          VARCHAR(20)     NOT NULL CHECK (status IN ('NEW', 'OPEN', 'PARTIALLY_FILLED', 'FILLED', 'CANCELED',
                                                              'REJECTED', 'UNKNOWN')),
    venue_order_id  VARCHAR(64),
    filled_quantity NUMERIC(30, 12) NOT NULL DEFAULT 0 CHECK (filled_quantity >= 0 AND filled_quantity <= quantity),
    average_price   NUMERIC(30, 12),
    note            TEXT,
    created_at      TIMESTAMPTZ     NOT NULL,
    updated_at      TIMESTAMPTZ     NOT NULL,
    PRIMARY KEY (venue, client_order_id)
);
CREATE INDEX orders_unresolved ON orders (venue, created_at)
    WHERE status IN ('NEW', 'UNKNOWN', 'OPEN', 'PARTIALLY_FILLED');

CREATE TABLE fills (
    venue           VARCHAR(32)     NOT NULL,
    trade_id        VARCHAR(64)     NOT NULL,
    client_order_id VARCHAR(64),
    venue_order_id  VARCHAR(64),
    symbol          VARCHAR(32)     NOT NULL,
    side            VARCHAR(4)      NOT NULL CHECK (side IN ('BUY', 'SELL')),
    price           NUMERIC(30, 12) NOT NULL,
    quantity        NUMERIC(30, 12) NOT NULL,
    fee             NUMERIC(30, 12) NOT NULL,
    fee_currency    VARCHAR(16),
    liquidity       VARCHAR(5)      NOT NULL CHECK (liquidity IN ('MAKER', 'TAKER')),
    time            TIMESTAMPTZ     NOT NULL,
    PRIMARY KEY (venue, trade_id)
);
CREATE INDEX fills_by_order ON fills (venue, client_order_id);

CREATE TABLE trading_state (
    id         SMALLINT    PRIMARY KEY CHECK (id = 1),
    state      VARCHAR(8)  NOT NULL CHECK (state IN ('ACTIVE', 'REDUCING', 'HALTED')),
    reason     TEXT,
    updated_at TIMESTAMPTZ NOT NULL
);
