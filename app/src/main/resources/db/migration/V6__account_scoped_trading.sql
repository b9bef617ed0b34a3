-- Trading is scoped by account: every journaled order and fill, and every strategy run, belongs to one account.
-- 'default' is the account of the venues' environment credentials (PERPFLOW_API_KEY's admin); database accounts
-- are named owner/account.

ALTER TABLE orders ADD COLUMN account VARCHAR(130) NOT NULL DEFAULT 'default';
ALTER TABLE orders DROP CONSTRAINT orders_pkey;
ALTER TABLE orders ADD PRIMARY KEY (account, venue, client_order_id);
DROP INDEX orders_unresolved;
CREATE INDEX orders_unresolved ON orders (account, venue, created_at)
    WHERE status IN ('NEW', 'UNKNOWN', 'OPEN', 'PARTIALLY_FILLED');

ALTER TABLE fills ADD COLUMN account VARCHAR(130) NOT NULL DEFAULT 'default';
ALTER TABLE fills DROP CONSTRAINT fills_pkey;
ALTER TABLE fills ADD PRIMARY KEY (account, venue, trade_id);
DROP INDEX fills_by_order;
CREATE INDEX fills_by_order ON fills (account, venue, client_order_id);

ALTER TABLE strategy_runs ADD COLUMN account VARCHAR(130) NOT NULL DEFAULT 'default';
