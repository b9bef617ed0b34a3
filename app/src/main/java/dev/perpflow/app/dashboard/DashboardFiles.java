package dev.perpflow.app.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Serves the web dashboard on the REST port (routes/dashboard.camel.yaml): {@code GET /} redirects to {@code /ui/},
 * {@code /ui/{file}} answers a file of the jar's {@code web/} folder, and {@code /ui/config.json} tells the page
 * where the live event feed listens. Only flat names of known types are served ({@link #NAME}), so no request can
 * reach outside {@code web/}; every answer carries the dashboard's security headers (a Content-Security-Policy with
 * no inline script and no framing) and an ETag, and is revalidated by the browser ({@code no-cache}).
 */
public class DashboardFiles {

    /** A file name the dashboard may serve: one path segment, lower case, a known extension. */
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}\\.(html|css|js|svg|png|ico)");
    static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json");
    /** Host header values we put into the policy: a name, an IPv4 or a bracketed IPv6 address, an optional port. */
    private static final Pattern HOST = Pattern.compile("(\\[[0-9a-fA-F:.]+\\]|[A-Za-z0-9.-]{1,253})(:[0-9]{1,5})?");

    private final String wsPath;
    private final int wsPort;
    private final boolean wsEnabled;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    /**
     * @param wsPort the event feed's configured port ({@code perpflow.ws.port}); 0 (a port the system chose) cannot
     *               be told to the page, which then says so
     */
    public DashboardFiles(boolean wsEnabled, int wsPort, String wsPath) {
        this.wsEnabled = wsEnabled;
        this.wsPort = wsPort;
        this.wsPath = wsPath;
    }

    /** {@code GET /}: to the dashboard's page. */
    public void redirect(Exchange exchange) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 302);
        message.setHeader("Location", "/ui/");
        message.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
        securityHeaders(message, null);
        message.setBody("the dashboard is at /ui/");
    }

    /** {@code GET /ui/} (also {@code /ui}) and {@code GET /ui/{file}}: a file of {@code web/}, or 404. */
    public void serve(Exchange exchange) {
        Message message = exchange.getMessage();
        String file = message.getHeader("file", String.class);
        String name = file == null || file.isEmpty() ? "index.html" : file;
        String host = message.getHeader("Host", String.class);
        String ifNoneMatch = message.getHeader("If-None-Match", String.class);
        Optional<byte[]> content = name.equals("config.json") ? Optional.of(config())
                : NAME.matcher(name).matches() ? file(name) : Optional.empty();
        message.removeHeaders("*");
        securityHeaders(message, host);
        if (content.isEmpty()) {
            message.setHeader(Exchange.HTTP_RESPONSE_CODE, 404);
            message.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
            message.setBody("not found");
            return;
        }
        String etag = "\"" + digest(content.get()) + "\"";
        message.setHeader("ETag", etag);
        message.setHeader("Cache-Control", "no-cache");
        message.setHeader(Exchange.CONTENT_TYPE, CONTENT_TYPES.get(extension(name)));
        if (etag.equals(ifNoneMatch)) {
            message.setHeader(Exchange.HTTP_RESPONSE_CODE, 304);
            message.setBody(new byte[0]);
            return;
        }
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        message.setBody(content.get());
    }

    /** What the page needs to find the live event feed (no secret: the feed asks for a key itself). */
    byte[] config() {
        String port = wsEnabled && wsPort > 0 ? String.valueOf(wsPort) : "null";
        return ("{\"ws_enabled\":" + wsEnabled + ",\"ws_port\":" + port + ",\"ws_path\":\"" + wsPath + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The page may load only its own files and talk only to this server and the event feed: no inline script, no
     * other origin, never inside a frame.
     */
    void securityHeaders(Message message, String host) {
        String connect = "'self'";
        if (wsEnabled && wsPort > 0) {
            String hostName = "127.0.0.1";
            if (host != null && HOST.matcher(host).matches()) {
                int colon = host.lastIndexOf(':');
                hostName = colon > host.lastIndexOf(']') ? host.substring(0, colon) : host;
            }
            connect += " ws://" + hostName + ":" + wsPort;
        }
        message.setHeader("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; "
                + "img-src 'self' data:; connect-src " + connect + "; base-uri 'none'; form-action 'none'; "
                + "frame-ancestors 'none'");
        message.setHeader("X-Content-Type-Options", "nosniff");
        message.setHeader("X-Frame-Options", "DENY");
        message.setHeader("Referrer-Policy", "no-referrer");
    }

    /** A file of {@code web/}; found ones are kept (the jar does not change), misses are not (any name may be asked). */
    private Optional<byte[]> file(String name) {
        byte[] cached = files.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<byte[]> loaded = load(name);
        loaded.ifPresent(content -> files.put(name, content));
        return loaded;
    }

    private static Optional<byte[]> load(String name) {
        try (InputStream in = DashboardFiles.class.getClassLoader().getResourceAsStream("web/" + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read web/" + name + " from the class path", e);
        }
    }

    private static String extension(String name) {
        return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    private static String digest(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
