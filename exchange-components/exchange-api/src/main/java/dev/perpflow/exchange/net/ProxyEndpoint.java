package dev.perpflow.exchange.net;

import dev.perpflow.exchange.auth.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One outbound proxy an account's venue traffic goes through. The password is a {@link Secret}: the endpoint prints
 * as its {@link #maskedUrl()} ({@code socks5://alice:***@host:1080}) in {@code toString()}, logs and every error
 * message this package produces, parse errors included.
 *
 * @param label    the operator's name for the proxy (unique per account), used in logs and events
 * @param protocol how to talk to it
 * @param host     host name or IP literal (IPv6 without brackets)
 * @param port     1..65535
 * @param username user name for proxy auth (HTTP Basic or SOCKS5 RFC 1929), present exactly when password is
 * @param password password for proxy auth
 */
public record ProxyEndpoint(String label, Protocol protocol, String host, int port, Optional<String> username,
        Optional<Secret> password) {

    /** The proxy protocols perpflow speaks; HTTPS-to-the-proxy and SOCKS4 are not supported. */
    public enum Protocol {
        /** An HTTP proxy: CONNECT tunnels for TLS/WebSocket, absolute-form requests for plain HTTP. */
        HTTP("http"),
        /** A SOCKS5 proxy (RFC 1928); host names are resolved by the proxy. */
        SOCKS5("socks5");

        private final String scheme;

        Protocol(String scheme) {
            this.scheme = scheme;
        }

        public String scheme() {
            return scheme;
        }
    }

    public ProxyEndpoint {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (label.isBlank()) {
            throw new IllegalArgumentException("a proxy needs a label");
        }
        host = stripBrackets(host.strip()).toLowerCase(Locale.ROOT);
        if (host.isEmpty()) {
            throw new IllegalArgumentException("proxy '" + label + "' needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("proxy '" + label + "' port must be 1..65535, was " + port);
        }
        if (username.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("proxy '" + label + "' needs both a username and a password, or neither");
        }
        if (username.isPresent() && username.get().isBlank()) {
            throw new IllegalArgumentException("proxy '" + label + "' username cannot be blank");
        }
        if (protocol == Protocol.SOCKS5 && username.isPresent()
                && (utf8Length(username.get()) > 255 || utf8Length(password.get().reveal()) > 255)) {
            // RFC 1929 carries each in one length byte
            throw new IllegalArgumentException("proxy '" + label + "': SOCKS5 username and password are limited to 255 bytes");
        }
    }

    /** A proxy without authentication. */
    public static ProxyEndpoint of(String label, Protocol protocol, String host, int port) {
        return new ProxyEndpoint(label, protocol, host, port, Optional.empty(), Optional.empty());
    }

    /**
     * Parses {@code http://host:port}, {@code socks5://host:port} (or {@code socks5h://}), optionally with
     * percent-encoded {@code user:password@} before the host. The port is required; a path, query or fragment is
     * refused. Error messages show the URL with its password masked.
     */
    public static ProxyEndpoint parse(String label, String url) {
        Objects.requireNonNull(url, "url");
        String shown = maskUrlText(url.strip());
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("proxy '" + label + "' URL " + shown + " is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        Protocol protocol = switch (scheme) {
            case "http" -> Protocol.HTTP;
            case "socks5", "socks5h" -> Protocol.SOCKS5;
            case "" -> throw new IllegalArgumentException("proxy '" + label + "' URL " + shown
                    + " needs a scheme: http:// or socks5://");
            default -> throw new IllegalArgumentException("proxy '" + label + "' URL " + shown + ": scheme '" + scheme
                    + "' is not supported (use http:// or socks5://)");
        };
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("proxy '" + label + "' URL " + shown + " needs a host and a port, like "
                    + protocol.scheme() + "://host:1080");
        }
        if (uri.getPort() < 0) {
            throw new IllegalArgumentException("proxy '" + label + "' URL " + shown + " needs a port");
        }
        if ((uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("proxy '" + label + "' URL " + shown
                    + " must not have a path, query or fragment");
        }
        ProxyEndpoint endpoint = of(label, protocol, uri.getHost(), uri.getPort());
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null) {
            return endpoint;
        }
        int colon = userInfo.indexOf(':');
        if (colon <= 0 || colon == userInfo.length() - 1) {
            throw new IllegalArgumentException("proxy '" + label + "' URL " + shown
                    + ": credentials must be user:password (percent-encode special characters)");
        }
        return endpoint.withCredentials(decode(userInfo.substring(0, colon)),
                Secret.of(decode(userInfo.substring(colon + 1))));
    }

    /** This proxy with username/password authentication. */
    public ProxyEndpoint withCredentials(String user, Secret secret) {
        return new ProxyEndpoint(label, protocol, host, port, Optional.of(user), Optional.of(secret));
    }

    public boolean hasCredentials() {
        return username.isPresent();
    }

    /** {@code socks5://alice:***@host:1080}, or {@code http://host:8080} without credentials. */
    public String maskedUrl() {
        String user = username.map(u -> u + ":***@").orElse("");
        return protocol.scheme() + "://" + user + hostForUrl() + ":" + port;
    }

    /** {@code eu-1 (socks5://alice:***@host:1080)}, the form logs and messages use. */
    public String describe() {
        return label + " (" + maskedUrl() + ")";
    }

    String hostForUrl() {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProxyEndpoint that && label.equals(that.label) && protocol == that.protocol
                && host.equals(that.host) && port == that.port && username.equals(that.username)
                && password.map(Secret::reveal).equals(that.password.map(Secret::reveal));
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, protocol, host, port, username);
    }

    @Override
    public String toString() {
        return "ProxyEndpoint[" + describe() + "]";
    }

    /**
     * Masks whatever sits between {@code ://} and the last {@code @} of the authority in text that may not even
     * parse, so an error message never echoes a password.
     */
    static String maskUrlText(String url) {
        int start = url.indexOf("://");
        start = start < 0 ? 0 : start + 3;
        int end = url.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = url.indexOf(c, start);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        int at = url.lastIndexOf('@', end - 1);
        if (at < start) {
            return url;
        }
        String userInfo = url.substring(start, at);
        int colon = userInfo.indexOf(':');
        String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
        return url.substring(0, start) + user + ":***" + url.substring(at);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // the decoder's message quotes the text it choked on
            throw new IllegalArgumentException("proxy credentials are not valid percent-encoding");
        }
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
