-- Strategy runtime and the Telegram bot: saved strategy configs, who started a run and from which config,
-- multi-step chat wizards kept across restarts, and notifications addressed and retried until delivered.

CREATE TABLE strategy_configs (
    id         BIGSERIAL    PRIMARY KEY,
    owner      VARCHAR(64)  NOT NULL,
    name       VARCHAR(64)  NOT NULL,
    strategy   VARCHAR(32)  NOT NULL CHECK (strategy IN ('grid', 'funding_arbitrage')),
    config     JSONB        NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL,
    UNIQUE (owner, name)
);

ALTER TABLE strategy_runs ADD COLUMN started_by VARCHAR(64) NOT NULL DEFAULT 'bootstrap-admin';
ALTER TABLE strategy_runs ADD COLUMN config_id BIGINT REFERENCES strategy_configs (id) ON DELETE SET NULL;

CREATE TABLE telegram_wizards (
    telegram_user_id BIGINT       PRIMARY KEY,
    chat_id          VARCHAR(32)  NOT NULL,
    wizard           VARCHAR(32)  NOT NULL,
    step             VARCHAR(32)  NOT NULL,
    data             JSONB        NOT NULL DEFAULT '{}',
    updated_at       TIMESTAMPTZ  NOT NULL
);

ALTER TABLE strategy_notifications ALTER COLUMN strategy_run_id DROP NOT NULL;
ALTER TABLE strategy_notifications DROP CONSTRAINT strategy_notifications_notification_type_check;
ALTER TABLE strategy_notifications ADD CONSTRAINT strategy_notifications_notification_type_check
    CHECK (notification_type IN ('position_opened', 'position_closed', 'insufficient_margin', 'liquidation_risk',
                                 'grid_warning', 'halt', 'resume', 'run_error'));
ALTER TABLE strategy_notifications ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE strategy_notifications ADD COLUMN last_error TEXT;
