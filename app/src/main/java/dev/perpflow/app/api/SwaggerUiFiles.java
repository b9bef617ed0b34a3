package dev.perpflow.app.api;

import dev.perpflow.app.control.Refusal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Serves Swagger UI at {@code /api/v1/docs} (routes/api-docs.camel.yaml): our own page and initializer (pointing at
 * {@code /api/v1/openapi.json}, so no inline script and no outside service), and the UI's CSS, JS and icons from the
 * {@code org.webjars:swagger-ui} jar, so nothing comes from a CDN. Only the files named here are served (a request
 * path never reaches the class path); anything else is a JSON 404.
 */
public class SwaggerUiFiles implements Processor {

    /** The path parameter naming the file; absent for the page itself. */
    public static final String FILE = "file";
    static final String OWN = "swagger-ui/";
    static final String WEBJAR_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private static final Map<String, String> OWN_FILES = Map.of(
            "index.html", "text/html; charset=UTF-8",
            "swagger-initializer.js", "text/javascript; charset=UTF-8");
    private static final Map<String, String> WEBJAR_FILES = Map.of(
            "swagger-ui.css", "text/css; charset=UTF-8",
            "swagger-ui-bundle.js", "text/javascript; charset=UTF-8",
            "favicon-16x16.png", "image/png",
            "favicon-32x32.png", "image/png");

    /**
     * The page's policy: scripts only from the app (the page has none inline), no framing, no plugins; inline styles
     * and data: images/fonts, which Swagger UI's React views and CSS use (its maintainers aim at default-src 'self'
     * data:).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self' data:; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    private final String webjarDir = "META-INF/resources/webjars/swagger-ui/" + webjarVersion() + "/";
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    @Override
    public void process(Exchange exchange) {
        String file = exchange.getMessage().getHeader(FILE, String.class);
        String name = file == null || file.isBlank() ? "index.html" : file;
        String type = OWN_FILES.containsKey(name) ? OWN_FILES.get(name) : WEBJAR_FILES.get(name);
        // request headers (query parameters included) must not be echoed back as response headers
        exchange.getMessage().removeHeaders("*");
        if (type == null) {
            throw Refusal.notFound("no file '" + name + "' in the API docs");
        }
        byte[] content = cache.computeIfAbsent(name,
                n -> read((OWN_FILES.containsKey(n) ? OWN : webjarDir) + n));
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, type);
        // our page and initializer change with the app; the webjar's files with its version, which their URL lacks
        exchange.getMessage().setHeader("Cache-Control", OWN_FILES.containsKey(name) ? "no-cache" : "max-age=3600");
        exchange.getMessage().setHeader("X-Content-Type-Options", "nosniff");
        if (name.equals("index.html")) {
            exchange.getMessage().setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        }
        exchange.getMessage().setBody(content);
    }

    /** The webjar's version, from its Maven metadata, so a version bump in the POM needs no change here. */
    static String webjarVersion() {
        Properties pom = new Properties();
        try (InputStream in = resource(WEBJAR_POM)) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    private static byte[] read(String path) {
        try (InputStream in = resource(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) throws IOException {
        InputStream in = SwaggerUiFiles.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IOException("missing on the class path: " + path + " (org.webjars:swagger-ui)");
        }
        return in;
    }
}
