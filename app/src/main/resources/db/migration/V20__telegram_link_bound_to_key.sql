-- A Telegram link is bound to the API key it was made with: it ends when that key is revoked or expires (or, for
-- the bootstrap key, when the configured key changes; only a short fingerprint of it is kept). Links made before
-- keys were recorded are dropped: those users /auth again.
ALTER TABLE users ADD COLUMN telegram_key_id BIGINT REFERENCES api_keys (id);
ALTER TABLE users ADD COLUMN telegram_key_fingerprint VARCHAR(16);
UPDATE users SET telegram_user_id = NULL WHERE telegram_user_id IS NOT NULL;
