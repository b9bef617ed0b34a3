package dev.perpflow.app.api;

import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.netty.http.NettyHttpConfiguration;
import org.apache.camel.component.netty.http.RestNettyHttpBinding;

/**
 * netty-http's REST binding with the API's request rules. netty-http maps query parameters and form-encoded bodies
 * to message headers, and a value it cannot decode throws before any route runs, which closes the connection without
 * an answer. This binding never lets that happen:
 * <ul>
 * <li>a URL whose path or query is not valid percent-encoding is mapped without its query, and what is wrong is kept
 * in the exchange property {@value #PROBLEM} for {@link RequestCheck} to answer with a JSON 400;</li>
 * <li>bodies are never read as forms: a JSON body sent with curl's default
 * {@code application/x-www-form-urlencoded} reaches the API as it was sent;</li>
 * <li>a body over {@value #MAX_BODY_BYTES} bytes is recorded as a 413;</li>
 * <li>the API-key headers ({@code X-API-Key}, {@code Authorization}) come only from the HTTP headers: a query
 * parameter of that name never becomes one (keys in URLs end up in logs, histories and proxies), and its presence is
 * recorded in {@value #KEY_IN_URL} so the 401 can say where keys go.</li>
 * </ul>
 */
public class PerpflowHttpBinding extends RestNettyHttpBinding {

    /** Exchange property: a {@link Problem} with the request line or body, answered before the route does anything. */
    public static final String PROBLEM = "perpflowRequestProblem";
    /** Exchange property: the query string carried something named like an API key. */
    public static final String KEY_IN_URL = "perpflowKeyInUrl";
    public static final int MAX_BODY_BYTES = 64 * 1024;

    static final List<String> KEY_HEADERS = List.of("X-API-Key", "Authorization");
    private static final List<String> KEY_PARAMETERS = List.of("x-api-key", "api_key", "api-key", "apikey",
            "authorization", "access_token");

    /** What is wrong with a request, as the API answers it. */
    public record Problem(int status, String parameter, String detail) {
    }

    @Override
    public void populateCamelHeaders(HttpRequest request, Map<String, Object> headers, Exchange exchange,
            NettyHttpConfiguration configuration) throws Exception {
        String uri = request.uri();
        Problem problem = problemIn(uri);
        String mapped = problem == null ? uri : safePath(uri);
        // a plain request, not the full one: DefaultNettyHttpBinding parses only a full request's body as a form
        HttpRequest headersOnly = new DefaultHttpRequest(request.protocolVersion(), request.method(), mapped,
                request.headers());
        super.populateCamelHeaders(headersOnly, headers, exchange, configuration);

        headers.keySet().removeIf(name -> KEY_HEADERS.stream().anyMatch(name::equalsIgnoreCase));
        for (String name : KEY_HEADERS) {
            String value = request.headers().get(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        if (problem == null && carriesKey(uri)) {
            exchange.setProperty(KEY_IN_URL, true);
        }
        if (problem == null && request instanceof FullHttpRequest full
                && full.content().readableBytes() > MAX_BODY_BYTES) {
            problem = new Problem(413, "body", "the request body has " + full.content().readableBytes()
                    + " bytes; at most " + MAX_BODY_BYTES + " are accepted");
        }
        if (problem != null) {
            exchange.setProperty(PROBLEM, problem);
        }
    }

    @Override
    public PerpflowHttpBinding copy() {
        return (PerpflowHttpBinding) super.copy();
    }

    /** Why the URL cannot be decoded, or null when it can. */
    static Problem problemIn(String uri) {
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            return new Problem(400, "url", "the request URL is not valid (" + e.getReason() + " at index "
                    + e.getIndex() + "): percent-encode special characters");
        }
        if (parsed.getPath() != null && hasControlCharacters(parsed.getPath())) {
            // no name, id or symbol has them, and the database refuses some (NUL)
            return new Problem(400, "url", "the request path holds control characters");
        }
        int question = uri.indexOf('?');
        if (question < 0) {
            return null;
        }
        for (String pair : uri.substring(question + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String name;
            try {
                name = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return new Problem(400, abbreviate(rawName), "query parameter name '" + abbreviate(rawName)
                        + "' is not valid percent-encoding");
            }
            if (equals >= 0) {
                String value;
                try {
                    value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return new Problem(400, abbreviate(name), "query parameter '" + abbreviate(name)
                            + "' is not valid percent-encoding: " + abbreviate(pair.substring(equals + 1)));
                }
                if (hasControlCharacters(value)) {
                    return new Problem(400, abbreviate(name), "query parameter '" + abbreviate(name)
                            + "' holds control characters");
                }
            }
            if (hasControlCharacters(name)) {
                return new Problem(400, "query", "a query parameter name holds control characters");
            }
        }
        return null;
    }

    /** The path only, with every character {@link URI} refuses percent-encoded, so routing can go on. */
    static String safePath(String uri) {
        int question = uri.indexOf('?');
        String path = question < 0 ? uri : uri.substring(0, question);
        StringBuilder safe = new StringBuilder(path.length() + 16);
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            boolean escape = c == '%' && !(i + 2 < path.length() && isHex(path.charAt(i + 1))
                    && isHex(path.charAt(i + 2)));
            if (escape || c <= 0x20 || c >= 0x7f || "\"<>\\^`{|}#".indexOf(c) >= 0) {
                safe.append('%').append(String.format(Locale.ROOT, "%02X", c & 0xFF));
            } else {
                safe.append(c);
            }
        }
        return safe.toString();
    }

    private static boolean carriesKey(String uri) {
        int question = uri.indexOf('?');
        if (question < 0) {
            return false;
        }
        for (String pair : uri.substring(question + 1).split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            if (KEY_PARAMETERS.contains(name.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasControlCharacters(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
