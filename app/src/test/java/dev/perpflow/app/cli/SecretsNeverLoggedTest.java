package dev.perpflow.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.perpflow.app.AppTestSupport;
import dev.perpflow.app.security.MasterKey;
import dev.perpflow.component.sim.SimClock;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.component.sim.SimVenueConfig;
import dev.perpflow.testkit.aster.FakeAster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Runs the app and the admin CLI with known secrets (master key, bootstrap and user API keys, a venue secret, a
 * proxy password), every logger at DEBUG for perpflow's own code, and finds none of them in any log line, in the
 * log file, in an API response or in the database in plaintext.
 */
class SecretsNeverLoggedTest extends AppTestSupport {

    private static final String MASTER = MasterKey.generate();
    private static final String BOOTSTRAP = "bootstrap-SECRET-api-key-4711";
    private static final String VENUE_SECRET = "venue-SECRET-value-0815";
    private static final String VENUE_KEY = "venue-api-key-SECRET-42";
    private static final String PROXY_PASSWORD = "proxy-SECRET-password-99";
    private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();
    private static final SimExchangeClient SIM;
    private static final FakeAster FAKE;

    static {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        LOGS.setContext(logging);
        LOGS.start();
        Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(LOGS);
        logging.getLogger("dev.perpflow").setLevel(Level.DEBUG);
        SIM = SimExchangeClient.manual(SimVenueConfig.defaults("aster-sim", 9),
                new SimClock(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        FAKE = FakeAster.start(SIM, VENUE_KEY, VENUE_SECRET);
    }

    @AfterAll
    static void detach() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(LOGS);
        logging.getLogger("dev.perpflow").setLevel(null);
        FAKE.close();
        SIM.close();
    }

    @Override
    protected Properties extraProperties() {
        Properties properties = new Properties();
        properties.setProperty("perpflow.master-key", MASTER);
        properties.setProperty("perpflow.api-key", BOOTSTRAP);
        properties.setProperty("perpflow.venues.aster.enabled", "true");
        properties.setProperty("perpflow.venues.aster.rest-url", FAKE.restUrl().toString());
        properties.setProperty("perpflow.venues.aster.ws-url", FAKE.wsUrl().toString());
        return properties;
    }

    @Test
    void noSecretAppearsInLogsResponsesOrTheDatabase() throws Exception {
        CliRunner cli = new CliRunner(dataSource());
        cli.env.put("PERPFLOW_MASTER_KEY", MASTER);
        cli.env.put("ASTER_API_KEY", VENUE_KEY);
        cli.env.put("ASTER_SECRET_KEY", VENUE_SECRET);
        assertThat(cli.run("users", "create", "carol").status()).isZero();
        CliRunner.Result created = cli.run("api-keys", "create", "--user", "carol", "--name", "bot");
        Matcher match = Pattern.compile("perp_[0-9a-f]{32}").matcher(created.out());
        assertThat(match.find()).isTrue();
        String userKey = match.group();
        assertThat(cli.run("accounts", "add", "main", "--user", "carol", "--from-env").status()).isZero();
        assertThat(cli.runWithInput("api_key=" + VENUE_KEY + "\nsecret_key=" + VENUE_SECRET + "\n", "credentials",
                "set", "carol/main", "aster").status()).isZero();
        assertThat(cli.runWithInput(PROXY_PASSWORD + "\n", "proxies", "add", "p1", "http://carol@127.0.0.1:3128",
                "--password-stdin").status()).isZero();
        assertThat(cli.run("proxies", "list").status()).isZero();
        assertThat(cli.run("credentials", "list", "carol/main").status()).isZero();
        assertThat(cli.runWithInput("bad line\n", "credentials", "set", "carol/main", "aster").status()).isEqualTo(1);

        StringBuilder responses = new StringBuilder();
        responses.append(call("/api/v1/balances?account_name=main", userKey));
        responses.append(call("/api/v1/accounts", userKey));
        responses.append(call("/api/v1/status", BOOTSTRAP));
        responses.append(call("/api/v1/accounts", "perp_00000000000000000000000000000000"));
        responses.append(call("/api/v1/health", BOOTSTRAP));
        assertThat(responses.toString()).contains("USDT");

        List<String> secrets = List.of(MASTER, BOOTSTRAP, userKey, VENUE_SECRET, VENUE_KEY, PROXY_PASSWORD);
        List<ch.qos.logback.classic.spi.ILoggingEvent> captured;
        synchronized (LOGS) { // AppenderBase appends under the appender's lock; the app keeps logging meanwhile
            captured = new java.util.ArrayList<>(LOGS.list);
        }
        List<String> lines = captured.stream().map(event -> event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy())))
                .toList();
        assertThat(lines).as("captured log lines").hasSizeGreaterThan(20);
        assertThat(lines.stream().filter(line -> secrets.stream().anyMatch(line::contains)).toList())
                .as("log lines holding a secret").isEmpty();
        for (String secret : secrets) {
            assertThat(responses.toString()).as("API responses").doesNotContain(secret);
        }
        String logFile = readLogs(dataDir().resolve("logs"));
        for (String secret : secrets) {
            assertThat(logFile).as("log file").doesNotContain(secret);
        }
        assertThat(plaintextRows(dataSource(), secrets)).as("rows holding a secret in plaintext").isZero();
    }

    private String call(String path, String key) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .timeout(Duration.ofSeconds(30)).header("X-API-Key", key).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String readLogs(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return "";
        }
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(Files.readString(file));
            }
        }
        return all.toString();
    }

    /** Rows of the secret-holding tables whose text contains any secret. */
    private static long plaintextRows(DataSource ds, List<String> secrets) throws Exception {
        long found = 0;
        try (var c = ds.getConnection()) {
            for (String table : List.of("users", "api_keys", "accounts", "account_exchange_credentials",
                    "network_proxies", "account_proxy_assignments", "master_key_check", "audit_log", "strategy_runs")) {
                try (var ps = c.prepareStatement("SELECT t::text FROM " + table + " t"); var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String row = rs.getString(1);
                        found += secrets.stream().filter(row::contains).count();
                    }
                }
            }
        }
        return found;
    }
}
