-- Market-data schema of the funding-rate service (seed-inventory §4), with perpflow's fixes:
-- rates are stored raw together with their interval, and mark/index/volume/OI are actually populated.

CREATE TABLE dexes (
    id                          SERIAL PRIMARY KEY,
    name                        VARCHAR(32)  NOT NULL UNIQUE,
    display_name                VARCHAR(64)  NOT NULL,
    api_base_url                TEXT,
    websocket_url               TEXT,
    is_active                   BOOLEAN      NOT NULL DEFAULT TRUE,
    supports_websocket          BOOLEAN      NOT NULL DEFAULT FALSE,
    -- percent values as the seed's columns say: 0.02 means 0.02 %
    maker_fee_percent           NUMERIC(10, 6) NOT NULL DEFAULT 0.03,
    taker_fee_percent           NUMERIC(10, 6) NOT NULL DEFAULT 0.06,
    has_fee_tiers               BOOLEAN      NOT NULL DEFAULT FALSE,
    fee_metadata                JSONB,
    collection_interval_seconds INTEGER      NOT NULL DEFAULT 60,
    rate_limit_per_minute       INTEGER      NOT NULL DEFAULT 60,
    last_successful_fetch       TIMESTAMPTZ,
    last_error                  TEXT,
    consecutive_errors          INTEGER      NOT NULL DEFAULT 0,
    created_at                  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at                  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE symbols (
    id           SERIAL PRIMARY KEY,
    symbol       VARCHAR(32) NOT NULL UNIQUE,
    display_name VARCHAR(64),
    category     VARCHAR(32),
    first_seen   TIMESTAMPTZ NOT NULL DEFAULT now(),
    is_active    BOOLEAN     NOT NULL DEFAULT TRUE
);

CREATE TABLE dex_symbols (
    id                 SERIAL PRIMARY KEY,
    dex_id             INTEGER     NOT NULL REFERENCES dexes (id),
    symbol_id          INTEGER     NOT NULL REFERENCES symbols (id),
    dex_symbol_format  VARCHAR(64) NOT NULL,
    is_active          BOOLEAN     NOT NULL DEFAULT TRUE,
    min_order_size     NUMERIC(30, 12),
    max_order_size     NUMERIC(30, 12),
    tick_size          NUMERIC(30, 12),
    volume_24h         NUMERIC(30, 6),
    volume_24h_base    NUMERIC(30, 12),
    open_interest_usd  NUMERIC(30, 6),
    open_interest_base NUMERIC(30, 12),
    best_bid           NUMERIC(30, 12),
    best_ask           NUMERIC(30, 12),
    spread_bps         INTEGER,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ,
    UNIQUE (dex_id, symbol_id)
);

CREATE TABLE funding_rates (
    time                  TIMESTAMPTZ     NOT NULL,
    dex_id                INTEGER         NOT NULL REFERENCES dexes (id),
    symbol_id             INTEGER         NOT NULL REFERENCES symbols (id),
    -- the venue's raw rate for one interval of interval_hours; APIs show rate × 8 / interval_hours
    funding_rate          NUMERIC(20, 12) NOT NULL,
    interval_hours        SMALLINT        NOT NULL,
    next_funding_time     TIMESTAMPTZ,
    predicted_rate        NUMERIC(20, 12),
    index_price           NUMERIC(30, 12),
    mark_price            NUMERIC(30, 12),
    open_interest_usd     NUMERIC(30, 6),
    volume_24h            NUMERIC(30, 6),
    collection_latency_ms INTEGER,
    PRIMARY KEY (time, dex_id, symbol_id)
);
CREATE INDEX funding_rates_dex_symbol_time ON funding_rates (dex_id, symbol_id, time DESC);

CREATE TABLE latest_funding_rates (
    dex_id            INTEGER         NOT NULL REFERENCES dexes (id),
    symbol_id         INTEGER         NOT NULL REFERENCES symbols (id),
    funding_rate      NUMERIC(20, 12) NOT NULL,
    interval_hours    SMALLINT        NOT NULL,
    next_funding_time TIMESTAMPTZ,
    predicted_rate    NUMERIC(20, 12),
    index_price       NUMERIC(30, 12),
    mark_price        NUMERIC(30, 12),
    updated_at        TIMESTAMPTZ     NOT NULL,
    PRIMARY KEY (dex_id, symbol_id)
);

CREATE TABLE collection_logs (
    id              BIGSERIAL PRIMARY KEY,
    dex_id          INTEGER     NOT NULL REFERENCES dexes (id),
    started_at      TIMESTAMPTZ NOT NULL,
    completed_at    TIMESTAMPTZ,
    status          VARCHAR(16) NOT NULL CHECK (status IN ('running', 'success', 'partial', 'failed')),
    symbols_fetched INTEGER     NOT NULL DEFAULT 0,
    symbols_failed  INTEGER     NOT NULL DEFAULT 0,
    error_message   TEXT
);
CREATE INDEX collection_logs_started ON collection_logs (started_at DESC);

-- The real venues with the seed's fee table (as percent); sim venues are registered at startup.
INSERT INTO dexes (name, display_name, api_base_url, maker_fee_percent, taker_fee_percent, is_active, supports_websocket)
VALUES ('lighter', 'Lighter', 'https://mainnet.zklighter.elliot.ai', 0, 0, FALSE, TRUE),
       ('grvt', 'GRVT', 'https://trade.prod.grvt.io', -0.01, 0.055, FALSE, TRUE),
       ('edgex', 'EdgeX', 'https://pro.edgex.exchange', 0.015, 0.038, FALSE, TRUE),
       ('paradex', 'Paradex', 'https://api.prod.paradex.trade', 0.003, 0.02, FALSE, TRUE),
       ('backpack', 'Backpack', 'https://api.backpack.exchange', 0.02, 0.05, FALSE, TRUE),
       ('aster', 'Aster', 'https://fapi.asterdex.com', 0.005, 0.04, FALSE, TRUE),
       ('hyperliquid', 'Hyperliquid', 'https://api.hyperliquid.xyz', 0.015, 0.045, FALSE, TRUE);
