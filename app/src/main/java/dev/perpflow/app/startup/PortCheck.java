package dev.perpflow.app.startup;

import dev.perpflow.app.config.HttpSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;

/**
 * Checks that the API port can be bound before anything else starts, so a port clash is reported plainly and
 * nothing (such as the embedded database) is started in vain.
 */
public final class PortCheck {

    private PortCheck() {
    }

    public static void requireFree(HttpSettings http) {
        requireFree(http.host(), http.port(), "perpflow.http.port (PERPFLOW_HTTP_PORT)");
    }

    /** {@code port} on {@code host} can be bound (0: any free port, nothing to check); {@code setting} names it. */
    public static void requireFree(String host, int port, String setting) {
        if (port == 0) {
            return;
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new StartupException("perpflow.http.host (PERPFLOW_HTTP_HOST) '" + host
                    + "' is not a known host or address");
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port));
        } catch (IOException e) {
            throw new StartupException("port " + port + " on " + host + " is already in use (" + e.getMessage()
                    + "): stop the program using it or choose another with " + setting);
        }
    }
}
