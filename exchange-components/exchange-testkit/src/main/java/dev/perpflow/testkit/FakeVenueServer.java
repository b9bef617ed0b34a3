package dev.perpflow.testkit;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP + WebSocket server on a random loopback port that a fake venue plugs its REST handler and stream handlers
 * into. It knows nothing of any venue: the venue fakes in this module give it their paths, payloads and signature
 * checks. Faults ({@link #faults()}) and stream drops ({@link #dropStreams()}) are scriptable from tests.
 */
public final class FakeVenueServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FakeVenueServer.class);

    private final String name;
    private final FakeHttpHandler http;
    private final Map<String, FakeWebSocketHandler> streams;
    private final FakeServerFaults faults = new FakeServerFaults();
    private final Set<FakeWebSocketSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger streamConnections = new AtomicInteger();
    private final List<FakeRequest> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean refuseStreams;

    private EventLoopGroup group;
    private Channel serverChannel;
    private int port;

    private FakeVenueServer(String name, FakeHttpHandler http, Map<String, FakeWebSocketHandler> streams) {
        this.name = name;
        this.http = http;
        this.streams = new LinkedHashMap<>(streams);
    }

    /**
     * Starts a server on {@code 127.0.0.1} and a free port. {@code streams} maps WebSocket path prefixes (the
     * longest matching prefix wins) to their handlers; every other request goes to {@code http}.
     */
    public static FakeVenueServer start(String name, FakeHttpHandler http, Map<String, FakeWebSocketHandler> streams) {
        FakeVenueServer server = new FakeVenueServer(name, http, streams);
        server.bind();
        return server;
    }

    private void bind() {
        group = new NioEventLoopGroup(2);
        ServerBootstrap bootstrap = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                                new RequestHandler());
                    }
                });
        try {
            serverChannel = bootstrap.bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " fake venue did not start", e);
        }
        port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        LOG.info("fake {} listening on 127.0.0.1:{}", name, port);
    }

    /** {@code http://127.0.0.1:<port>} */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** {@code ws://127.0.0.1:<port>} */
    public URI wsUrl() {
        return URI.create("ws://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public FakeServerFaults faults() {
        return faults;
    }

    /** Every HTTP request received so far, in arrival order. */
    public List<FakeRequest> requests() {
        return List.copyOf(requests);
    }

    /** Closes every open stream, as a venue does when it restarts a gateway. */
    public void dropStreams() {
        for (FakeWebSocketSession session : List.copyOf(sessions)) {
            session.close();
        }
    }

    /** While set, WebSocket upgrades are answered with 503 (the stream endpoint is down). */
    public void refuseStreams(boolean refuse) {
        this.refuseStreams = refuse;
    }

    public List<FakeWebSocketSession> openSessions() {
        return sessions.stream().filter(FakeWebSocketSession::isOpen).toList();
    }

    /** How many WebSocket connections were accepted since start (reconnects included). */
    public int streamConnections() {
        return streamConnections.get();
    }

    @Override
    public void close() {
        dropStreams();
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        if (group != null) {
            group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private FakeWebSocketHandler streamHandler(String path) {
        FakeWebSocketHandler best = null;
        int bestLength = -1;
        for (Map.Entry<String, FakeWebSocketHandler> entry : streams.entrySet()) {
            if (path.startsWith(entry.getKey()) && entry.getKey().length() > bestLength) {
                best = entry.getValue();
                bestLength = entry.getKey().length();
            }
        }
        return best;
    }

    private final class RequestHandler extends SimpleChannelInboundHandler<Object> {

        private WebSocketServerHandshaker handshaker;
        private FakeWebSocketSession session;
        private FakeWebSocketHandler streamHandler;

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object message) {
            if (message instanceof FullHttpRequest request) {
                onHttp(ctx, request);
            } else if (message instanceof WebSocketFrame frame) {
                onFrame(ctx, frame);
            }
        }

        private void onHttp(ChannelHandlerContext ctx, FullHttpRequest request) {
            QueryStringDecoder decoder = new QueryStringDecoder(request.uri());
            if ("websocket".equalsIgnoreCase(request.headers().get(HttpHeaderNames.UPGRADE))) {
                upgrade(ctx, request, decoder);
                return;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
            String uri = request.uri();
            int q = uri.indexOf('?');
            FakeRequest fake = new FakeRequest(request.method().name(), decoder.path(),
                    q < 0 ? "" : uri.substring(q + 1), decoder.parameters(), headers,
                    ByteBufUtil.getBytes(request.content()));
            requests.add(fake);
            var fault = faults.take(fake);
            FakeResponse response;
            if (fault.isPresent() && fault.get() instanceof FakeServerFaults.Answer answer) {
                response = answer.response();
            } else {
                try {
                    response = http.handle(fake);
                } catch (RuntimeException e) {
                    LOG.warn("fake {} handler failed on {}", name, fake, e);
                    response = FakeResponse.json(500, "{\"error\":\"fake venue handler failed\"}");
                }
                if (fault.isPresent()) {
                    LOG.info("fake {} handled {} and withholds the response", name, fake);
                    return;
                }
            }
            write(ctx, request, response);
        }

        private void write(ChannelHandlerContext ctx, FullHttpRequest request, FakeResponse response) {
            byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
            FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(response.status()), Unpooled.wrappedBuffer(body));
            response.headers().forEach(out.headers()::set);
            HttpUtil.setContentLength(out, body.length);
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            if (keepAlive) {
                HttpUtil.setKeepAlive(out, true);
                ctx.writeAndFlush(out);
            } else {
                ctx.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
            }
        }

        private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request, QueryStringDecoder decoder) {
            FakeWebSocketHandler handler = streamHandler(decoder.path());
            if (handler == null || refuseStreams) {
                int status = handler == null ? 404 : 503;
                write(ctx, request, FakeResponse.json(status, "{\"error\":\"no stream at " + decoder.path() + "\"}"));
                return;
            }
            String location = "ws://127.0.0.1:" + port + request.uri();
            handshaker = new WebSocketServerHandshakerFactory(location, null, true, 1 << 20).newHandshaker(request);
            if (handshaker == null) {
                WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
                return;
            }
            handshaker.handshake(ctx.channel(), request);
            streamHandler = handler;
            Map<String, String> headers = new LinkedHashMap<>();
            request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
            session = new FakeWebSocketSession(ctx.channel(), decoder.path(), decoder.parameters(), headers);
            sessions.add(session);
            streamConnections.incrementAndGet();
            handler.onOpen(session);
        }

        private void onFrame(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof CloseWebSocketFrame) {
                handshaker.close(ctx.channel(), (CloseWebSocketFrame) frame.retain());
            } else if (frame instanceof PingWebSocketFrame) {
                ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
            } else if (frame instanceof TextWebSocketFrame text && session != null) {
                streamHandler.onText(session, text.text());
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (session != null) {
                sessions.remove(session);
                streamHandler.onClose(session);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("fake {} connection error", name, cause);
            ctx.close();
        }
    }

    /** Parses a form or query string into decoded parameters, keeping order (for signature checks). */
    public static Map<String, List<String>> parseForm(String form) {
        return new QueryStringDecoder(form, false).parameters().entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> new ArrayList<>(e.getValue()),
                        (a, b) -> a, LinkedHashMap::new));
    }
}
