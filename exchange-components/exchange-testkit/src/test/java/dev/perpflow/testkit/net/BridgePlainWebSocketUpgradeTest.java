package dev.perpflow.testkit.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.exchange.auth.Secret;
import dev.perpflow.exchange.net.ProxiedHttpClient;
import dev.perpflow.exchange.net.ProxiedHttpClients;
import dev.perpflow.exchange.net.ProxyEndpoint;
import dev.perpflow.testkit.FakeResponse;
import dev.perpflow.testkit.FakeVenueServer;
import dev.perpflow.testkit.FakeWebSocketHandler;
import dev.perpflow.testkit.FakeWebSocketSession;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Clients other than the JDK's send a plain-http WebSocket upgrade to a proxy in absolute form instead of tunnelling
 * it: the bridge forwards it and keeps the upgraded connection open both ways.
 */
class BridgePlainWebSocketUpgradeTest {

    @ParameterizedTest
    @EnumSource(ProxiedVenueTrafficTest.Kind.class)
    void anAbsoluteFormUpgradeBecomesAWorkingWebSocket(ProxiedVenueTrafficTest.Kind kind) throws Exception {
        try (FakeVenueServer venue = FakeVenueServer.start("venue", request -> FakeResponse.ok("{}"),
                Map.of("/ws", new FakeWebSocketHandler() {
                    @Override
                    public void onText(FakeWebSocketSession session, String text) {
                        session.send("echo:" + text);
                    }
                }));
                FakeProxyServer proxy = kind.start();
                ProxiedHttpClient client = ProxiedHttpClients.open(kind.endpoint(proxy, ProxiedVenueTrafficTest.PASSWORD),
                        java.time.Duration.ofSeconds(2));
                Socket socket = new Socket()) {
            InetSocketAddress bridge = (InetSocketAddress) client.httpClient().proxy().orElseThrow()
                    .select(URI.create("http://example.invalid/")).get(0).address();
            socket.connect(bridge, 2_000);
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();

            out.write(("GET http://127.0.0.1:" + venue.port() + "/ws/raw HTTP/1.1\r\nHost: 127.0.0.1:" + venue.port()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nProxy-Connection: keep-alive\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String head = readHead(in);
            out.write(maskedTextFrame("hi"));

            assertThat(head).startsWith("HTTP/1.1 101").contains("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
            assertThat(readTextFrame(in)).isEqualTo("echo:hi");
            assertThat(venue.streamConnections()).isEqualTo(1);
            assertThat(proxy.targets()).containsExactly("127.0.0.1:" + venue.port());
        }
    }

    private static String readHead(InputStream in) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (!bytes.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            bytes.write(b);
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    /** A final text frame as a client must send it (RFC 6455 §5.3: masked). */
    private static byte[] maskedTextFrame(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = {1, 2, 3, 4};
        byte[] frame = new byte[6 + payload.length];
        frame[0] = (byte) 0x81;
        frame[1] = (byte) (0x80 | payload.length);
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        return frame;
    }

    private static String readTextFrame(InputStream in) throws Exception {
        DataInputStream data = new DataInputStream(in);
        int opcode = data.readUnsignedByte() & 0x0F;
        int length = data.readUnsignedByte() & 0x7F;
        byte[] payload = new byte[length];
        data.readFully(payload);
        assertThat(opcode).isEqualTo(1);
        return new String(payload, StandardCharsets.UTF_8);
    }
}
