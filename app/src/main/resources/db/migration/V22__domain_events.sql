-- Domain events (docs/EVENTS.md). Each is written in the transaction of the change it describes and published by
-- the events-relay route (routes/events.camel.yaml) on seda:perpflow-events; published rows are kept for
-- perpflow.retention.events-days. A row that failed to publish 5 times is left unpublished (and logged).
CREATE TABLE domain_events (
    id               BIGSERIAL    PRIMARY KEY,
    event_type       VARCHAR(48)  NOT NULL,
    level            VARCHAR(8)   NOT NULL CHECK (level IN ('info', 'warning', 'error')),
    occurred_at      TIMESTAMPTZ  NOT NULL,
    account          VARCHAR(130),
    run_id           VARCHAR(64),
    payload          JSONB        NOT NULL DEFAULT '{}',
    published_at     TIMESTAMPTZ,
    publish_attempts INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX domain_events_unpublished ON domain_events (id) WHERE published_at IS NULL;
CREATE INDEX domain_events_published_at ON domain_events (published_at);

-- Notifications are now the events the notifications route picks (routes/notifications.camel.yaml): any event
-- type, at most once per event, claimed by one sender at a time. The type list of V7 refused execution alerts,
-- naked legs and failing closes, which were never stored.
ALTER TABLE strategy_notifications DROP CONSTRAINT strategy_notifications_notification_type_check;
ALTER TABLE strategy_notifications ALTER COLUMN notification_type TYPE VARCHAR(48);
ALTER TABLE strategy_notifications ADD COLUMN event_id BIGINT UNIQUE;
ALTER TABLE strategy_notifications ADD COLUMN level VARCHAR(8) NOT NULL DEFAULT 'warning';
ALTER TABLE strategy_notifications ADD COLUMN account VARCHAR(130);
ALTER TABLE strategy_notifications ADD COLUMN claimed_until TIMESTAMPTZ;
