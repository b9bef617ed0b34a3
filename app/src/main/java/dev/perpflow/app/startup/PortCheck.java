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
        InetAddress address;
        try {
            address = InetAddress.getByName(http.host());
        } catch (UnknownHostException e) {
            throw new StartupException("perpflow.http.host (PERPFLOW_HTTP_HOST) '" + http.host()
                    + "' is not a known host or address");
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, http.port()));
        } catch (IOException e) {
            throw new StartupException("port " + http.port() + " on " + http.host() + " is already in use ("
                    + e.getMessage() + "): stop the program using it or choose another with perpflow.http.port "
                    + "(PERPFLOW_HTTP_PORT)");
        }
    }
}
