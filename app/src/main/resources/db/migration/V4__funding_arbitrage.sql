-- Funding-arbitrage positions of strategy runs (the seed's strategy_positions, funding_payments, trade_fills and
-- strategy_notifications). A position row is written as 'opening' before any of its orders is sent.

CREATE TABLE strategy_positions (
    id                     VARCHAR(32)  PRIMARY KEY,
    run_id                 VARCHAR(64)  NOT NULL REFERENCES strategy_runs (id),
    symbol                 VARCHAR(20)  NOT NULL,
    long_dex               VARCHAR(32)  NOT NULL,
    short_dex              VARCHAR(32)  NOT NULL,
    size_usd               NUMERIC(24, 8),
    entry_long_rate        NUMERIC(18, 10) NOT NULL,
    entry_short_rate       NUMERIC(18, 10) NOT NULL,
    entry_divergence       NUMERIC(18, 10) NOT NULL,
    opened_at              TIMESTAMPTZ  NOT NULL,
    current_divergence     NUMERIC(18, 10),
    last_check             TIMESTAMPTZ,
    status                 VARCHAR(16)  NOT NULL
        CHECK (status IN ('opening', 'open', 'closing', 'closed', 'failed', 'merged')),
    exit_reason            VARCHAR(64),
    closed_at              TIMESTAMPTZ,
    pnl_usd                NUMERIC(24, 8),
    cumulative_funding_usd NUMERIC(24, 8) NOT NULL DEFAULT 0,
    funding_payments_count INTEGER      NOT NULL DEFAULT 0,
    total_fees_usd         NUMERIC(24, 8) NOT NULL DEFAULT 0,
    close_attempts         INTEGER      NOT NULL DEFAULT 0,
    merged_into            VARCHAR(32),
    error                  TEXT,
    metadata               JSONB        NOT NULL DEFAULT '{}'
);
CREATE INDEX strategy_positions_active ON strategy_positions (run_id) WHERE status IN ('opening', 'open', 'closing');

CREATE TABLE funding_payments (
    id            BIGSERIAL    PRIMARY KEY,
    position_id   VARCHAR(32)  NOT NULL REFERENCES strategy_positions (id) ON DELETE CASCADE,
    payment_time  TIMESTAMPTZ  NOT NULL,
    long_payment  NUMERIC(24, 8) NOT NULL,
    short_payment NUMERIC(24, 8) NOT NULL,
    net_payment   NUMERIC(24, 8) NOT NULL,
    long_rate     NUMERIC(18, 10),
    short_rate    NUMERIC(18, 10),
    divergence    NUMERIC(18, 10)
);
CREATE INDEX funding_payments_by_position ON funding_payments (position_id, payment_time);

CREATE TABLE trade_fills (
    id                 BIGSERIAL    PRIMARY KEY,
    position_id        VARCHAR(32)  NOT NULL REFERENCES strategy_positions (id) ON DELETE CASCADE,
    trade_type         VARCHAR(8)   NOT NULL CHECK (trade_type IN ('entry', 'exit')),
    dex                VARCHAR(32)  NOT NULL,
    symbol             VARCHAR(20)  NOT NULL,
    side               VARCHAR(4)   NOT NULL CHECK (side IN ('buy', 'sell')),
    total_quantity     NUMERIC(30, 12) NOT NULL,
    weighted_avg_price NUMERIC(30, 12),
    total_fee          NUMERIC(24, 8) NOT NULL,
    client_order_ids   TEXT[]       NOT NULL,
    timestamp          TIMESTAMPTZ  NOT NULL
);
CREATE INDEX trade_fills_by_position ON trade_fills (position_id);

CREATE TABLE strategy_notifications (
    id                BIGSERIAL    PRIMARY KEY,
    strategy_run_id   VARCHAR(64)  NOT NULL REFERENCES strategy_runs (id),
    notification_type VARCHAR(32)  NOT NULL
        CHECK (notification_type IN ('position_opened', 'position_closed', 'insufficient_margin', 'liquidation_risk')),
    symbol            VARCHAR(20),
    message           TEXT         NOT NULL,
    details           JSONB        NOT NULL DEFAULT '{}',
    created_at        TIMESTAMPTZ  NOT NULL,
    sent              BOOLEAN      NOT NULL DEFAULT FALSE,
    sent_at           TIMESTAMPTZ
);
CREATE INDEX strategy_notifications_unsent ON strategy_notifications (id) WHERE NOT sent;
