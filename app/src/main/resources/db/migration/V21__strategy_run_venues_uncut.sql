-- A run's venue column holds a funding-arbitrage run's list of venues: 32 characters cut it mid-name.
ALTER TABLE strategy_runs ALTER COLUMN venue TYPE VARCHAR(512);
