package dev.perpflow.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perpflow.app.config.DatabaseSettings;
import dev.perpflow.app.persistence.TestPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Boots the real application (Camel Main, the {@code test} profile, the YAML routes from {@code routes/}) once per
 * test class, on a free port, with a fresh temporary data dir and a database of its own: a clone of the migrated
 * template on the test JVM's one embedded PostgreSQL ({@link TestPostgres}), passed in as {@code perpflow.db.*}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AppTestSupport extends CamelMainTestSupport {

    protected static final ObjectMapper JSON = new ObjectMapper();

    // set lazily: CamelTestSupport calls configureContext from its constructor, before field initializers run
    private int port;
    private Path dataDir;
    private DatabaseSettings database;
    private HttpClient http;

    protected int port() {
        if (port == 0) {
            port = freePort();
        }
        return port;
    }

    protected Path dataDir() {
        if (dataDir == null) {
            dataDir = createDataDir();
        }
        return dataDir;
    }

    @Override
    protected Class<?> getMainClass() {
        return PerpflowApplication.class;
    }

    @Override
    protected String getPropertyPlaceholderLocations() {
        return "classpath:application-test.properties,classpath:application.properties";
    }

    @Override
    public void configureContext(CamelContextConfiguration configuration) {
        super.configureContext(configuration);
        Properties overrides = new Properties();
        overrides.setProperty("perpflow.http.port", String.valueOf(port()));
        overrides.setProperty("perpflow.data-dir", dataDir().toString());
        database = TestPostgres.shared().newDatabase(getClass().getSimpleName());
        overrides.setProperty("perpflow.db.url", database.url());
        overrides.setProperty("perpflow.db.user", database.user());
        overrides.setProperty("perpflow.db.password", database.password());
        overrides.putAll(extraProperties());
        configuration.withUseOverridePropertiesWithPropertiesComponent(overrides);
    }

    /**
     * Stops the app when the class is done. camel-test-junit5 stops a per-class context only when the whole run
     * ends, so every earlier class's app kept running (polling its venues each second, ticking its runs, holding its
     * database) while the later classes ran.
     */
    @AfterAll
    void stopAppAndReleaseItsDatabase() throws Exception {
        if (context != null) {
            stopCamelContext();
        }
        if (database != null) {
            TestPostgres.shared().release(database);
        }
    }

    /** Properties a test class adds or overrides. */
    protected Properties extraProperties() {
        return new Properties();
    }

    protected DataSource dataSource() {
        return context.getRegistry().lookupByNameAndType("dataSource", DataSource.class);
    }

    protected HttpResponse<String> get(String path) throws IOException, InterruptedException {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .timeout(Duration.ofSeconds(10)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    protected JsonNode getJson(String path, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != expectedStatus) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("perpflow-test-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
