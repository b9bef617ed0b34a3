package dev.perpflow.exchange.net;

import dev.perpflow.exchange.net.ProxyFailure.Kind;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Opens a TCP connection to a target through one proxy, by hand on a plain {@link Socket} (no JVM-wide socket or
 * authenticator settings): SOCKS5 per RFC 1928 with username/password per RFC 1929, target names resolved by the
 * proxy; HTTP proxies by {@code CONNECT} with a preemptive Basic {@code Proxy-Authorization}.
 */
final class UpstreamDialer {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private static final int SOCKS_VERSION = 5;
    private static final int METHOD_NONE = 0x00;
    private static final int METHOD_USER_PASSWORD = 0x02;
    private static final int METHOD_REFUSED = 0xFF;

    private UpstreamDialer() {
    }

    /** A socket connected to {@code host:port} through {@code proxy}, ready for the caller's bytes. */
    static Socket tunnel(ProxyEndpoint proxy, String host, int port, Duration timeout) throws IOException {
        Socket socket = connectToProxy(proxy, timeout);
        try {
            if (proxy.protocol() == ProxyEndpoint.Protocol.SOCKS5) {
                socks5(proxy, socket, host, port);
            } else {
                httpConnect(proxy, socket, host, port);
            }
            socket.setSoTimeout(0);
            return socket;
        } catch (SocketTimeoutException e) {
            closeQuietly(socket);
            throw new ProxyFailure(Kind.UNAVAILABLE, "proxy " + proxy.describe() + " did not answer within "
                    + timeout.toMillis() + " ms");
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw e instanceof ProxyFailure failure ? failure
                    : new ProxyFailure(Kind.UNAVAILABLE, "proxy " + proxy.describe() + " failed: " + e);
        }
    }

    /** A plain TCP connection to the proxy itself, with {@code timeout} for connecting and for each read. */
    static Socket connectToProxy(ProxyEndpoint proxy, Duration timeout) throws ProxyFailure {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(proxy.host(), proxy.port()), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            return socket;
        } catch (IOException e) {
            closeQuietly(socket);
            throw new ProxyFailure(Kind.UNAVAILABLE, "proxy " + proxy.describe() + " is unreachable: " + e);
        }
    }

    /** {@code Basic base64(user:password)}, or null without credentials. */
    static String basicAuthorization(ProxyEndpoint proxy) {
        if (!proxy.hasCredentials()) {
            return null;
        }
        String pair = proxy.username().orElseThrow() + ":" + proxy.password().orElseThrow().reveal();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    static String authority(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    private static void httpConnect(ProxyEndpoint proxy, Socket socket, String host, int port) throws IOException {
        String target = authority(host, port);
        HttpHead connect = new HttpHead("CONNECT " + target + " HTTP/1.1", java.util.List.of()).with("Host", target);
        String authorization = basicAuthorization(proxy);
        if (authorization != null) {
            connect = connect.with("Proxy-Authorization", authorization);
        }
        socket.getOutputStream().write(connect.toBytes());
        socket.getOutputStream().flush();
        HttpHead answer = HttpHead.read(socket.getInputStream())
                .orElseThrow(() -> new ProxyFailure(Kind.UNAVAILABLE, "proxy " + proxy.describe()
                        + " closed the connection instead of answering CONNECT " + target));
        int status = answer.status();
        if (status == 407) {
            throw new ProxyFailure(Kind.AUTHENTICATION, "proxy " + proxy.describe()
                    + (proxy.hasCredentials() ? " rejected the username/password" : " requires a username/password"));
        }
        if (status < 200 || status > 299) {
            throw new ProxyFailure(Kind.UNAVAILABLE, "proxy " + proxy.describe() + " answered CONNECT " + target
                    + " with '" + answer.startLine() + "'");
        }
    }

    private static void socks5(ProxyEndpoint proxy, Socket socket, String host, int port) throws IOException {
        OutputStream out = socket.getOutputStream();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        boolean credentials = proxy.hasCredentials();
        // RFC 1928 §3: offer "no authentication", and username/password when we have them
        out.write(credentials ? new byte[] {SOCKS_VERSION, 2, METHOD_NONE, METHOD_USER_PASSWORD}
                : new byte[] {SOCKS_VERSION, 1, METHOD_NONE});
        out.flush();
        int version = readByte(in, proxy);
        int method = readByte(in, proxy);
        if (version != SOCKS_VERSION) {
            throw new ProxyFailure(Kind.UNAVAILABLE, "proxy " + proxy.describe()
                    + " does not speak SOCKS5 (version byte " + version + ")");
        }
        if (method == METHOD_REFUSED) {
            throw new ProxyFailure(Kind.AUTHENTICATION, "proxy " + proxy.describe()
                    + (credentials ? " accepted none of the offered authentication methods"
                            : " requires a username/password"));
        }
        if (method == METHOD_USER_PASSWORD && credentials) {
            authenticate(proxy, out, in);
        } else if (method != METHOD_NONE) {
            throw new ProxyFailure(Kind.UNAVAILABLE, "proxy " + proxy.describe()
                    + " chose authentication method " + method + ", which was not offered");
        }
        out.write(connectRequest(host, port));
        out.flush();
        if (readByte(in, proxy) != SOCKS_VERSION) {
            throw new ProxyFailure(Kind.UNAVAILABLE, "proxy " + proxy.describe() + " sent a malformed CONNECT reply");
        }
        int reply = readByte(in, proxy);
        readByte(in, proxy); // reserved
        skipBoundAddress(in, readByte(in, proxy), proxy);
        if (reply != 0) {
            throw new ProxyFailure(Kind.UNAVAILABLE, "proxy " + proxy.describe() + " could not connect to "
                    + authority(host, port) + ": " + replyText(reply));
        }
    }

    /** RFC 1929: VER=1, ULEN, UNAME, PLEN, PASSWD; answer VER, STATUS (0 = success). */
    private static void authenticate(ProxyEndpoint proxy, OutputStream out, DataInputStream in) throws IOException {
        byte[] user = proxy.username().orElseThrow().getBytes(StandardCharsets.UTF_8);
        byte[] password = proxy.password().orElseThrow().reveal().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write(1);
        request.write(user.length);
        request.write(user);
        request.write(password.length);
        request.write(password);
        out.write(request.toByteArray());
        out.flush();
        readByte(in, proxy);
        if (readByte(in, proxy) != 0) {
            throw new ProxyFailure(Kind.AUTHENTICATION, "proxy " + proxy.describe()
                    + " rejected the username/password");
        }
    }

    /** VER, CMD=CONNECT, RSV, ATYP + address, port: IP literals as such, names for the proxy to resolve. */
    private static byte[] connectRequest(String host, int port) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write(new byte[] {SOCKS_VERSION, 1, 0});
        if (IPV4.matcher(host).matches() || host.indexOf(':') >= 0) {
            byte[] address = InetAddress.getByName(host).getAddress(); // a literal: no lookup
            request.write(address.length == 4 ? 1 : 4);
            request.write(address);
        } else {
            byte[] name = host.getBytes(StandardCharsets.US_ASCII);
            if (name.length > 255) {
                throw new IOException("host name longer than 255 bytes");
            }
            request.write(3);
            request.write(name.length);
            request.write(name);
        }
        request.write(port >> 8);
        request.write(port & 0xFF);
        return request.toByteArray();
    }

    private static void skipBoundAddress(DataInputStream in, int addressType, ProxyEndpoint proxy) throws IOException {
        int length = switch (addressType) {
            case 1 -> 4;
            case 4 -> 16;
            case 3 -> readByte(in, proxy);
            default -> throw new ProxyFailure(Kind.UNAVAILABLE, "proxy " + proxy.describe()
                    + " sent an unknown address type " + addressType);
        };
        in.readFully(new byte[length + 2]);
    }

    private static int readByte(InputStream in, ProxyEndpoint proxy) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new ProxyFailure(Kind.UNAVAILABLE, "proxy " + proxy.describe() + " closed the connection");
        }
        return b;
    }

    private static String replyText(int reply) {
        return switch (reply) {
            case 1 -> "general SOCKS server failure";
            case 2 -> "connection not allowed by ruleset";
            case 3 -> "network unreachable";
            case 4 -> "host unreachable";
            case 5 -> "connection refused";
            case 6 -> "TTL expired";
            case 7 -> "command not supported";
            case 8 -> "address type not supported";
            default -> "reply code " + reply;
        };
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already broken
        }
    }
}
