package dev.perpflow.exchange.net;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP proxy on a random {@code 127.0.0.1} port that a JDK {@link java.net.http.HttpClient} points at, and which
 * opens every upstream connection through the account's real proxy with {@link UpstreamDialer}: {@code CONNECT}
 * tunnels (https, wss, and ws — the JDK tunnels WebSockets even over plain http) and absolute-form plain-HTTP
 * requests, WebSocket upgrades included. Plain-HTTP requests are forwarded one per connection
 * ({@code Connection: close} both ways) since the next request on a kept-alive connection could name another host.
 *
 * <p>The upstream proxy can be switched; {@link #switchTo} closes every open connection so the client reconnects
 * through the new proxy. One platform thread per open connection direction; loopback only, no authentication:
 * any local process could use it while it runs.
 */
final class LoopbackProxyBridge implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LoopbackProxyBridge.class);
    private static final int HEAD_TIMEOUT_MS = 30_000;
    private static final AtomicInteger BRIDGES = new AtomicInteger();

    private final ServerSocket server;
    private final ExecutorService threads;
    private final Duration connectTimeout;
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final Set<Socket> upstreams = ConcurrentHashMap.newKeySet();
    private volatile ProxyEndpoint upstream;
    private volatile boolean closed;

    private LoopbackProxyBridge(ProxyEndpoint upstream, Duration connectTimeout) throws IOException {
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        String prefix = "proxy-bridge-" + BRIDGES.incrementAndGet() + "-";
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    static LoopbackProxyBridge start(ProxyEndpoint upstream, Duration connectTimeout) {
        try {
            LoopbackProxyBridge bridge = new LoopbackProxyBridge(upstream, connectTimeout);
            bridge.threads.execute(bridge::acceptLoop);
            LOG.info("proxy bridge on {} → {}", bridge.address(), upstream.describe());
            return bridge;
        } catch (IOException e) {
            throw new IllegalStateException("could not open a loopback port for proxy " + upstream.describe(), e);
        }
    }

    InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    ProxyEndpoint upstream() {
        return upstream;
    }

    /** Connections from the client that are open now (tunnels, requests in flight). */
    int openConnections() {
        return clients.size();
    }

    /** New connections go through {@code next}; every open one is closed so its owner reconnects. */
    void switchTo(ProxyEndpoint next) {
        upstream = Objects.requireNonNull(next, "next");
        closeOpen();
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        closeOpen();
        threads.shutdownNow();
    }

    private void closeOpen() {
        for (Socket socket : Set.copyOf(clients)) {
            UpstreamDialer.closeQuietly(socket);
        }
        for (Socket socket : Set.copyOf(upstreams)) {
            UpstreamDialer.closeQuietly(socket);
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                clients.add(client);
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("proxy bridge {} stopped accepting: {}", address(), e.toString());
                }
                return;
            } catch (RuntimeException e) { // executor shut down while accepting
                return;
            }
        }
    }

    private void serve(Socket client) {
        ProxyEndpoint proxy = upstream;
        Socket up = null;
        OutputStream clientOut = null;
        try {
            client.setSoTimeout(HEAD_TIMEOUT_MS);
            client.setTcpNoDelay(true);
            InputStream clientIn = new BufferedInputStream(client.getInputStream());
            clientOut = client.getOutputStream();
            Optional<HttpHead> read = HttpHead.read(clientIn);
            if (read.isEmpty()) {
                return;
            }
            HttpHead head = read.get();
            boolean connect = "CONNECT".equalsIgnoreCase(head.firstToken());
            Target target = connect ? Target.ofAuthority(head.secondToken()) : Target.ofAbsoluteUri(head.secondToken());
            if (target == null) {
                answer(clientOut, 400, "Bad Request", "the proxy bridge takes CONNECT host:port or absolute http:// "
                        + "requests, not '" + head.firstToken() + " " + abbreviate(head.secondToken()) + "'");
                return;
            }
            up = connect || proxy.protocol() == ProxyEndpoint.Protocol.SOCKS5
                    ? UpstreamDialer.tunnel(proxy, target.host(), target.port(), connectTimeout)
                    : openToHttpProxy(proxy);
            upstreams.add(up);
            client.setSoTimeout(0);
            if (connect) {
                LOG.debug("tunnel to {} through {}", target, proxy.describe());
                clientOut.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                clientOut.flush();
                pipe(client, clientIn, up, false, proxy);
            } else {
                boolean upgrade = head.header("Upgrade").isPresent();
                LOG.debug("{} {} through {}", head.firstToken(), target, proxy.describe());
                up.getOutputStream().write(forwardedHead(head, target, upgrade, proxy).toBytes());
                up.getOutputStream().flush();
                pipe(client, clientIn, up, !upgrade, proxy);
            }
        } catch (ProxyFailure failure) {
            LOG.warn("{}", failure.getMessage());
            boolean auth = failure.kind() == ProxyFailure.Kind.AUTHENTICATION;
            answerQuietly(clientOut, auth ? 407 : 502, auth ? "Proxy Authentication Required" : "Bad Gateway",
                    failure.getMessage());
        } catch (IOException | RuntimeException e) { // RuntimeException: the bridge closed under us
            LOG.debug("proxy bridge connection through {} ended: {}", proxy.describe(), e.toString());
        } finally {
            UpstreamDialer.closeQuietly(client);
            clients.remove(client);
            if (up != null) {
                UpstreamDialer.closeQuietly(up);
                upstreams.remove(up);
            }
        }
    }

    private Socket openToHttpProxy(ProxyEndpoint proxy) throws IOException {
        Socket socket = UpstreamDialer.connectToProxy(proxy, connectTimeout);
        socket.setSoTimeout(0);
        return socket;
    }

    /**
     * The request as the next hop must see it: origin-form for the target itself (SOCKS5), absolute-form with our
     * Basic credentials for an HTTP proxy; the client's proxy headers dropped; one request per connection.
     */
    private static HttpHead forwardedHead(HttpHead head, Target target, boolean upgrade, ProxyEndpoint proxy) {
        HttpHead forwarded = head.without("Proxy-Connection", "Proxy-Authorization");
        if (!upgrade) {
            forwarded = forwarded.without("Connection", "Keep-Alive").with("Connection", "close");
        }
        String version = head.startLine().substring(head.startLine().lastIndexOf(' ') + 1);
        if (proxy.protocol() == ProxyEndpoint.Protocol.SOCKS5) {
            return forwarded.withStartLine(head.firstToken() + " " + target.originForm() + " " + version);
        }
        String authorization = UpstreamDialer.basicAuthorization(proxy);
        return authorization == null ? forwarded : forwarded.with("Proxy-Authorization", authorization);
    }

    /**
     * Copies both ways until the upstream side ends. With {@code oneResponse} the response head is rewritten to
     * {@code Connection: close} so the client never reuses this connection for another host.
     */
    private void pipe(Socket client, InputStream clientIn, Socket up, boolean oneResponse, ProxyEndpoint proxy)
            throws IOException {
        threads.execute(() -> {
            try {
                clientIn.transferTo(up.getOutputStream());
                up.shutdownOutput();
            } catch (IOException e) {
                UpstreamDialer.closeQuietly(up);
            }
        });
        InputStream upIn = new BufferedInputStream(up.getInputStream());
        OutputStream clientOut = client.getOutputStream();
        if (oneResponse) {
            Optional<HttpHead> response = HttpHead.read(upIn);
            if (response.isEmpty()) {
                return;
            }
            HttpHead head = response.get();
            if (head.status() == 407) {
                LOG.warn("proxy {} rejected {}", proxy.describe(),
                        proxy.hasCredentials() ? "the username/password" : "a request without credentials");
            }
            if (head.status() >= 200) {
                head = head.without("Connection", "Keep-Alive", "Proxy-Connection").with("Connection", "close");
            }
            clientOut.write(head.toBytes());
        }
        upIn.transferTo(clientOut);
        clientOut.flush();
    }

    private static void answer(OutputStream out, int status, String reason, String message) throws IOException {
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private static void answerQuietly(OutputStream out, int status, String reason, String message) {
        if (out == null) {
            return;
        }
        try {
            answer(out, status, reason, message);
        } catch (IOException ignored) {
            // the client went away
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }

    @Override
    public String toString() {
        return "LoopbackProxyBridge[" + address() + " → " + upstream.describe() + "]";
    }

    /** Where a request goes: host, port, and for plain HTTP the origin-form path. */
    private record Target(String host, int port, String originForm) {

        /** {@code host:port} or {@code [v6]:port}; null when malformed. */
        static Target ofAuthority(String authority) {
            int colon = authority.lastIndexOf(':');
            if (colon <= 0 || colon == authority.length() - 1) {
                return null;
            }
            String host = authority.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            try {
                int port = Integer.parseInt(authority.substring(colon + 1));
                return port < 1 || port > 65535 || host.isEmpty() ? null : new Target(host, port, null);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        /** {@code http://host[:port]/path?query}; null when not an absolute http URI. */
        static Target ofAbsoluteUri(String text) {
            try {
                URI uri = new URI(text);
                if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                    return null;
                }
                String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
                String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                        : uri.getHost();
                return new Target(host, uri.getPort() < 0 ? 80 : uri.getPort(),
                        uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
            } catch (URISyntaxException e) {
                return null;
            }
        }

        @Override
        public String toString() {
            return UpstreamDialer.authority(host, port);
        }
    }
}
