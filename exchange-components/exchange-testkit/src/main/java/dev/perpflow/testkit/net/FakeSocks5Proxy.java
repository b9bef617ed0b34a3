package dev.perpflow.testkit.net;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A loopback SOCKS5 proxy for tests (RFC 1928, CONNECT only), with no authentication or username/password
 * (RFC 1929). Counts connections and remembers the targets it was asked for (names as sent, unresolved); can be
 * switched to fail (reply "general failure") or to refuse connections. Only connects to loopback targets
 * (reply "not allowed by ruleset" otherwise).
 */
public final class FakeSocks5Proxy extends FakeProxyServer {

    private static final int NO_AUTH = 0x00;
    private static final int USER_PASSWORD = 0x02;
    private static final int NO_ACCEPTABLE_METHOD = 0xFF;

    private final String user;
    private final String password;

    private FakeSocks5Proxy(String user, String password) {
        super("socks5-proxy");
        this.user = user;
        this.password = password;
    }

    /** A proxy that takes "no authentication". */
    public static FakeSocks5Proxy start() {
        return new FakeSocks5Proxy(null, null);
    }

    /** A proxy that takes only username/password authentication with these credentials. */
    public static FakeSocks5Proxy withPassword(String user, String password) {
        return new FakeSocks5Proxy(user, password);
    }

    /** {@code socks5://127.0.0.1:<port>} */
    public String url() {
        return "socks5://127.0.0.1:" + port();
    }

    @Override
    void serve(Socket client) throws IOException {
        DataInputStream in = new DataInputStream(client.getInputStream());
        OutputStream out = client.getOutputStream();
        if (in.readUnsignedByte() != 5) {
            return;
        }
        byte[] methods = new byte[in.readUnsignedByte()];
        in.readFully(methods);
        int wanted = user == null ? NO_AUTH : USER_PASSWORD;
        if (!offered(methods, wanted)) {
            if (wanted == USER_PASSWORD) {
                countAuthFailure();
            }
            out.write(new byte[] {5, (byte) NO_ACCEPTABLE_METHOD});
            out.flush();
            return;
        }
        out.write(new byte[] {5, (byte) wanted});
        out.flush();
        if (wanted == USER_PASSWORD && !authenticate(in, out)) {
            return;
        }
        if (in.readUnsignedByte() != 5) {
            return;
        }
        int command = in.readUnsignedByte();
        in.readUnsignedByte();
        String host = readAddress(in);
        int port = in.readUnsignedShort();
        if (command != 1) {
            reply(out, 7);
            return;
        }
        if (isFailing()) {
            reply(out, 1);
            return;
        }
        if (host == null || !isLoopback(host)) {
            reply(out, 2);
            return;
        }
        Socket target;
        try {
            target = connectTarget(host, port);
        } catch (IOException e) {
            reply(out, 5);
            return;
        }
        reply(out, 0);
        pipe(client, in, target);
    }

    private boolean authenticate(DataInputStream in, OutputStream out) throws IOException {
        int version = in.readUnsignedByte();
        byte[] name = new byte[in.readUnsignedByte()];
        in.readFully(name);
        byte[] secret = new byte[in.readUnsignedByte()];
        in.readFully(secret);
        boolean ok = version == 1 && user.equals(new String(name, StandardCharsets.UTF_8))
                && password.equals(new String(secret, StandardCharsets.UTF_8));
        out.write(new byte[] {1, (byte) (ok ? 0 : 1)});
        out.flush();
        if (!ok) {
            countAuthFailure();
        }
        return ok;
    }

    private static String readAddress(DataInputStream in) throws IOException {
        int type = in.readUnsignedByte();
        switch (type) {
            case 1 -> {
                byte[] v4 = new byte[4];
                in.readFully(v4);
                return InetAddress.getByAddress(v4).getHostAddress();
            }
            case 4 -> {
                byte[] v6 = new byte[16];
                in.readFully(v6);
                return InetAddress.getByAddress(v6).getHostAddress();
            }
            case 3 -> {
                byte[] name = new byte[in.readUnsignedByte()];
                in.readFully(name);
                return new String(name, StandardCharsets.US_ASCII);
            }
            default -> {
                return null;
            }
        }
    }

    /** VER, REP, RSV, ATYP=IPv4 0.0.0.0, port 0: clients do not use the bound address. */
    private static void reply(OutputStream out, int code) throws IOException {
        out.write(new byte[] {5, (byte) code, 0, 1, 0, 0, 0, 0, 0, 0});
        out.flush();
    }

    private static boolean offered(byte[] methods, int method) {
        for (byte m : methods) {
            if ((m & 0xFF) == method) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "FakeSocks5Proxy[" + url() + (user == null ? "" : ", username/password") + "]";
    }
}
