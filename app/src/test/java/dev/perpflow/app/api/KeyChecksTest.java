package dev.perpflow.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perpflow.app.AppTestSupport;
import dev.perpflow.app.accounts.ApiKeyRepository;
import dev.perpflow.app.accounts.AuditLog;
import dev.perpflow.app.accounts.UserRepository;
import dev.perpflow.app.security.ApiKeys;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * API-key checks under abuse (issue 16, item 7): a revoked key stops within a second whoever revoked it, failed
 * attempts are limited per client address (verified keys keep working), the slow hash never holds a database
 * connection, and key checks have a pool of their own, so a flood of them cannot take the trading path's connections.
 */
class KeyChecksTest extends AppTestSupport {

    private static final String ADMIN_KEY = "key-checks-bootstrap-key-0123456789";

    @Override
    protected Properties extraProperties() {
        Properties properties = new Properties();
        properties.setProperty("perpflow.api-key", ADMIN_KEY);
        return properties;
    }

    private ApiKeyRepository keysLikeTheCli() {
        return new ApiKeyRepository(dataSource(), new AuditLog(dataSource(), Clock.systemUTC()), Clock.systemUTC());
    }

    private ApiKeyRepository.Created newKey(String user) {
        UserRepository users = new UserRepository(dataSource(), Clock.systemUTC());
        UserRepository.User owner = users.find(user).orElseGet(() -> users.create(user, false));
        return keysLikeTheCli().create(owner, "test", null, "test");
    }

    private int status(String key) throws Exception {
        return RawHttp.send(port(), "GET", "/api/v1/accounts", key == null ? Map.of() : Map.of("X-API-Key", key),
                (String) null).status();
    }

    /** A key with a real key's lookup prefix but the wrong rest: the server has to hash it. */
    private static String wrongKeyLike(String key) {
        String wrong = key.substring(0, ApiKeys.PREFIX_LENGTH) + "0".repeat(key.length() - ApiKeys.PREFIX_LENGTH);
        return wrong.equals(key) ? wrong.substring(0, wrong.length() - 1) + "1" : wrong;
    }

    @Test
    void aKeyRevokedByAnotherProcessStopsWithinASecond() throws Exception {
        ApiKeyRepository.Created dora = newKey("dora");
        assertThat(status(dora.key())).isEqualTo(200);
        assertThat(status(dora.key())).as("now answered from the cache").isEqualTo(200);
        keysLikeTheCli().revoke(String.valueOf(dora.info().id()), "test");
        long revokedAt = System.nanoTime();
        await().atMost(Duration.ofMillis(1500)).pollInterval(Duration.ofMillis(50)).until(() -> status(dora.key()) != 200);
        assertThat(status(dora.key())).isIn(401, 429);
        assertThat(Duration.ofNanos(System.nanoTime() - revokedAt)).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void failedAttemptsAreLimitedPerAddressWhileVerifiedKeysKeepWorking() throws Exception {
        ApiKeyRepository.Created erin = newKey("erin");
        assertThat(status(erin.key())).isEqualTo(200);
        String wrong = wrongKeyLike(erin.key());
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            statuses.add(status(wrong));
        }
        // other tests of this class may have failed from this address already: 401s until the limit, then 429s
        int firstRefusal = statuses.indexOf(429);
        assertThat(firstRefusal).as(statuses.toString()).isBetween(0, 10);
        assertThat(statuses.subList(0, firstRefusal)).containsOnly(401);
        assertThat(statuses.subList(firstRefusal, statuses.size())).containsOnly(429);
        RawHttp.Answer refused = RawHttp.send(port(), "GET", "/api/v1/accounts", Map.of("X-API-Key", wrong),
                (String) null);
        assertThat(refused.isJson()).isTrue();
        assertThat(refused.body()).contains("too many failed API-key attempts from 127.0.0.1");
        assertThat(refused.headers()).containsKey("retry-after");
        assertThat(status(erin.key())).as("a verified key still works").isEqualTo(200);
        assertThat(status(ADMIN_KEY)).as("so does the bootstrap key").isEqualTo(200);
    }

    @Test
    void theSlowHashRunsWithoutHoldingAConnection() throws Exception {
        String real = newKey("fred").key();
        HeldTime held = new HeldTime(dataSource());
        ApiKeyRepository keys = new ApiKeyRepository(held, new AuditLog(held, Clock.systemUTC()), Clock.systemUTC());
        String stored = ApiKeys.hash(real);
        long hashStart = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            ApiKeys.matches(real, stored);
        }
        long fiveHashes = System.nanoTime() - hashStart;
        for (int i = 0; i < 5; i++) {
            assertThat(keys.authenticate(wrongKeyLike(real))).isEmpty();
        }
        assertThat(held.nanos.get()).as("connections were held %d ms for five hashes of %d ms",
                held.nanos.get() / 1_000_000, fiveHashes / 1_000_000).isLessThan(fiveHashes / 3);
    }

    @Test
    void badKeysAreAnsweredFromTheirOwnPoolWhileTheTradingPoolIsExhausted() throws Exception {
        String real = newKey("gina").key();
        List<Connection> taken = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                taken.add(dataSource().getConnection());
            }
            long start = System.nanoTime();
            RawHttp.Answer answer = RawHttp.send(port(), "GET", "/api/v1/accounts", Map.of("X-API-Key",
                    wrongKeyLike(real)), (String) null);
            assertThat(answer.status()).as(answer.toString()).isIn(401, 429);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        } finally {
            for (Connection c : taken) {
                c.close();
            }
        }
    }

    /** A data source that adds up how long its connections stay open. */
    private static final class HeldTime implements DataSource {

        private final DataSource delegate;
        private final AtomicLong nanos = new AtomicLong();

        HeldTime(DataSource delegate) {
            this.delegate = delegate;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection real = delegate.getConnection();
            long opened = System.nanoTime();
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            nanos.addAndGet(System.nanoTime() - opened);
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
