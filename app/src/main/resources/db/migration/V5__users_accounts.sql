-- Users, API keys, accounts with encrypted venue credentials, proxies and the audit log (the seed's §8 model).
-- Every secret column holds AES-256-GCM ciphertext ("v1:" + base64url(nonce ‖ ciphertext ‖ tag)) under the master
-- key (PERPFLOW_MASTER_KEY); API keys are stored only as salted PBKDF2 hashes with a lookup prefix.

CREATE TABLE users (
    id               BIGSERIAL    PRIMARY KEY,
    username         VARCHAR(64)  NOT NULL UNIQUE,
    is_admin         BOOLEAN      NOT NULL DEFAULT FALSE,
    telegram_user_id BIGINT       UNIQUE,
    is_active        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at       TIMESTAMPTZ  NOT NULL
);

CREATE TABLE api_keys (
    id           BIGSERIAL    PRIMARY KEY,
    user_id      BIGINT       NOT NULL REFERENCES users (id),
    name         VARCHAR(64)  NOT NULL,
    key_prefix   VARCHAR(16)  NOT NULL,
    key_hash     VARCHAR(200) NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    expires_at   TIMESTAMPTZ,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX api_keys_by_prefix ON api_keys (key_prefix);

CREATE TABLE accounts (
    id           BIGSERIAL    PRIMARY KEY,
    user_id      BIGINT       NOT NULL REFERENCES users (id),
    account_name VARCHAR(64)  NOT NULL,
    description  TEXT,
    is_active    BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at   TIMESTAMPTZ  NOT NULL,
    UNIQUE (user_id, account_name)
);

CREATE TABLE account_exchange_credentials (
    id                    BIGSERIAL    PRIMARY KEY,
    account_id            BIGINT       NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    exchange              VARCHAR(32)  NOT NULL,
    credentials_encrypted TEXT         NOT NULL,
    is_active             BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at            TIMESTAMPTZ  NOT NULL,
    updated_at            TIMESTAMPTZ  NOT NULL,
    UNIQUE (account_id, exchange)
);

CREATE TABLE network_proxies (
    id                    BIGSERIAL    PRIMARY KEY,
    label                 VARCHAR(64)  NOT NULL UNIQUE,
    protocol              VARCHAR(8)   NOT NULL CHECK (protocol IN ('http', 'socks5')),
    host                  VARCHAR(255) NOT NULL,
    port                  INTEGER      NOT NULL CHECK (port BETWEEN 1 AND 65535),
    credentials_encrypted TEXT,
    is_active             BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at            TIMESTAMPTZ  NOT NULL
);

CREATE TABLE account_proxy_assignments (
    id         BIGSERIAL   PRIMARY KEY,
    account_id BIGINT      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    proxy_id   BIGINT      NOT NULL REFERENCES network_proxies (id) ON DELETE CASCADE,
    priority   INTEGER     NOT NULL DEFAULT 0,
    status     VARCHAR(8)  NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'standby', 'burned')),
    updated_at TIMESTAMPTZ NOT NULL,
    UNIQUE (account_id, proxy_id)
);

-- One known value encrypted under the master key: tells a wrong key from a right one before anything is decrypted.
CREATE TABLE master_key_check (
    id         SMALLINT    PRIMARY KEY CHECK (id = 1),
    check_value TEXT       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE audit_log (
    id      BIGSERIAL    PRIMARY KEY,
    time    TIMESTAMPTZ  NOT NULL,
    actor   VARCHAR(64)  NOT NULL,
    action  VARCHAR(64)  NOT NULL,
    subject VARCHAR(255),
    details JSONB        NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_by_time ON audit_log (time DESC);
