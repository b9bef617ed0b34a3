package dev.perpflow.testkit.net;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * A loopback HTTP proxy for tests: {@code CONNECT host:port} tunnels and absolute-form {@code http://} requests
 * (forwarded in origin form, one per connection: the answer says {@code Connection: close}), optionally requiring
 * Basic {@code Proxy-Authorization} (answering 407 otherwise). Counts connections; can be switched to fail (502)
 * or to refuse connections. Only connects to loopback targets.
 */
public final class FakeHttpProxy extends FakeProxyServer {

    private final String expectedAuthorization;

    private FakeHttpProxy(String expectedAuthorization) {
        super("http-proxy");
        this.expectedAuthorization = expectedAuthorization;
    }

    /** A proxy that wants no credentials. */
    public static FakeHttpProxy start() {
        return new FakeHttpProxy(null);
    }

    /** A proxy that wants {@code Proxy-Authorization: Basic base64(user:password)} on every request. */
    public static FakeHttpProxy withBasicAuth(String user, String password) {
        String pair = user + ":" + password;
        return new FakeHttpProxy("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code http://127.0.0.1:<port>} */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    void serve(Socket client) throws IOException {
        InputStream in = new BufferedInputStream(client.getInputStream());
        OutputStream out = client.getOutputStream();
        List<String> head = readHead(in);
        if (head == null) {
            return;
        }
        String[] requestLine = head.get(0).split(" ");
        if (requestLine.length != 3) {
            answer(out, "400 Bad Request", "");
            return;
        }
        if (expectedAuthorization != null && !expectedAuthorization.equals(header(head, "proxy-authorization"))) {
            countAuthFailure();
            answer(out, "407 Proxy Authentication Required", "Proxy-Authenticate: Basic realm=\"fake\"\r\n");
            return;
        }
        if (isFailing()) {
            answer(out, "502 Bad Gateway", "");
            return;
        }
        if (requestLine[0].equalsIgnoreCase("CONNECT")) {
            tunnel(client, in, out, requestLine[1]);
        } else {
            forward(client, in, out, head, requestLine);
        }
    }

    private void tunnel(Socket client, InputStream in, OutputStream out, String authority) throws IOException {
        int colon = authority.lastIndexOf(':');
        String host = authority.substring(0, colon).replace("[", "").replace("]", "");
        Socket target;
        try {
            target = connectTarget(host, Integer.parseInt(authority.substring(colon + 1)));
        } catch (IOException | RuntimeException e) {
            answer(out, "502 Bad Gateway", "");
            return;
        }
        out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        pipe(client, in, target);
    }

    private void forward(Socket client, InputStream in, OutputStream out, List<String> head, String[] requestLine)
            throws IOException {
        URI uri = URI.create(requestLine[1]);
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            answer(out, "400 Bad Request", "");
            return;
        }
        Socket target;
        try {
            target = connectTarget(uri.getHost().replace("[", "").replace("]", ""),
                    uri.getPort() < 0 ? 80 : uri.getPort());
        } catch (IOException e) {
            answer(out, "502 Bad Gateway", "");
            return;
        }
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        boolean upgrade = header(head, "upgrade") != null;
        List<String> forwarded = withoutHeaders(head, upgrade, "proxy-authorization", "proxy-connection");
        forwarded.set(0, requestLine[0] + " " + path + " " + requestLine[2]);
        target.getOutputStream().write(toBytes(forwarded));
        if (upgrade) {
            pipe(client, in, target);
            return;
        }
        // one request per connection, as the response's Connection: close tells the client
        InputStream targetIn = new BufferedInputStream(target.getInputStream());
        List<String> response = readHead(targetIn);
        if (response != null) {
            out.write(toBytes(withoutHeaders(response, false)));
        }
        pipeRest(client, in, target, targetIn);
    }

    /** The head without the named headers; without {@code keep}, also {@code Connection: close} replacing its own. */
    private static List<String> withoutHeaders(List<String> head, boolean keepConnection, String... names) {
        List<String> drop = new ArrayList<>(List.of(names));
        if (!keepConnection) {
            drop.add("connection");
            drop.add("keep-alive");
        }
        List<String> kept = new ArrayList<>();
        kept.add(head.get(0));
        for (String line : head.subList(1, head.size())) {
            String name = line.substring(0, Math.max(0, line.indexOf(':'))).trim().toLowerCase(Locale.ROOT);
            if (!drop.contains(name)) {
                kept.add(line);
            }
        }
        if (!keepConnection) {
            kept.add("Connection: close");
        }
        return kept;
    }

    private static byte[] toBytes(List<String> head) {
        return (String.join("\r\n", head) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String header(List<String> head, String name) {
        for (String line : head.subList(1, head.size())) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    private static void answer(OutputStream out, String status, String extraHeaders) throws IOException {
        out.write(("HTTP/1.1 " + status + "\r\n" + extraHeaders + "Content-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public String toString() {
        return "FakeHttpProxy[" + url() + (expectedAuthorization == null ? "" : ", Basic auth") + "]";
    }
}
