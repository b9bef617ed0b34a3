package dev.perpflow.testkit.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the fake proxies share: a blocking server on a random {@code 127.0.0.1} port, one thread per connection,
 * counters, the fail/refuse switches, and a rule that targets must be loopback (tests never reach the internet).
 */
abstract class FakeProxyServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FakeProxyServer.class);
    private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.\\d{1,3}){3}");

    private final String name;
    private final ServerSocket server;
    private final ExecutorService threads;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger authFailures = new AtomicInteger();
    private final List<String> targets = new CopyOnWriteArrayList<>();
    private volatile boolean failing;
    private volatile boolean refusing;
    private volatile boolean closed;

    FakeProxyServer(String name) {
        this.name = name;
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException("fake " + name + " did not start", e);
        }
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        threads.execute(this::acceptLoop);
        LOG.info("fake {} listening on 127.0.0.1:{}", name, port());
    }

    /** Serves one client connection; the socket is closed afterwards. */
    abstract void serve(Socket client) throws IOException;

    public int port() {
        return server.getLocalPort();
    }

    /** TCP connections accepted since start, refused ones included. */
    public int connections() {
        return connections.get();
    }

    /** Connections turned away for missing or wrong credentials. */
    public int authFailures() {
        return authFailures.get();
    }

    /** {@code host:port} of every connection this proxy opened onward, in order. */
    public List<String> targets() {
        return List.copyOf(targets);
    }

    /** While set, every request is answered with a failure (HTTP 502, SOCKS5 "general failure") after auth. */
    public void failing(boolean fail) {
        this.failing = fail;
    }

    /** While set, every connection is closed as soon as it is accepted, like a proxy that died. */
    public void refusing(boolean refuse) {
        this.refusing = refuse;
    }

    /** Closes every open connection (tunnels included), as a proxy restart would. */
    public void dropConnections() {
        for (Socket socket : Set.copyOf(open)) {
            closeQuietly(socket);
        }
    }

    boolean isFailing() {
        return failing;
    }

    void countAuthFailure() {
        authFailures.incrementAndGet();
    }

    /** Connects to a loopback target on behalf of the client; non-loopback targets are refused unresolved. */
    Socket connectTarget(String host, int port) throws IOException {
        if (!isLoopback(host)) {
            throw new IOException("fake " + name + " only connects to loopback, not " + host);
        }
        Socket target = new Socket();
        target.connect(new InetSocketAddress(host, port), 5_000);
        target.setTcpNoDelay(true);
        open.add(target);
        targets.add((host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port);
        return target;
    }

    /** Copies both ways until either side ends, then closes both. */
    void pipe(Socket client, InputStream clientIn, Socket target) throws IOException {
        pipeRest(client, clientIn, target, target.getInputStream());
    }

    /** {@link #pipe} when part of the target's answer was already read from {@code targetIn}. */
    void pipeRest(Socket client, InputStream clientIn, Socket target, InputStream targetIn) throws IOException {
        threads.execute(() -> {
            try {
                clientIn.transferTo(target.getOutputStream());
                target.shutdownOutput();
            } catch (IOException e) {
                closeQuietly(target);
            }
        });
        try {
            targetIn.transferTo(client.getOutputStream());
        } finally {
            closeQuietly(target);
            open.remove(target);
        }
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1") || LOOPBACK_V4.matcher(h).matches();
    }

    /** Reads an HTTP head (start line and header lines) byte by byte; null at a clean end of stream. */
    static List<String> readHead(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int window = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (bytes.size() == 0) {
                    return null;
                }
                throw new IOException("connection closed inside an HTTP head");
            }
            bytes.write(b);
            window = (window << 8) | b;
            if (window == 0x0D0A0D0A) {
                break;
            }
        }
        return List.of(bytes.toString(StandardCharsets.ISO_8859_1).split("\r\n"));
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            connections.incrementAndGet();
            if (refusing) {
                closeQuietly(client);
                continue;
            }
            open.add(client);
            threads.execute(() -> {
                try {
                    client.setTcpNoDelay(true);
                    serve(client);
                } catch (IOException e) {
                    LOG.debug("fake {} connection ended: {}", name, e.toString());
                } finally {
                    closeQuietly(client);
                    open.remove(client);
                }
            });
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        dropConnections();
        threads.shutdownNow();
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
