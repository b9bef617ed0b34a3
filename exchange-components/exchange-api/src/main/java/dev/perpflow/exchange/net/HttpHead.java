package dev.perpflow.exchange.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The start line and headers of one HTTP/1.1 request or response, read byte by byte so nothing after the blank
 * line is consumed (the rest of the stream is piped untouched).
 */
final class HttpHead {

    static final int MAX_BYTES = 32 * 1024;

    private final String startLine;
    private final List<String[]> headers;

    HttpHead(String startLine, List<String[]> headers) {
        this.startLine = startLine;
        this.headers = List.copyOf(headers);
    }

    /** Reads one head; empty on a clean end of stream before its first byte. */
    static Optional<HttpHead> read(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        int window = 0; // the last four bytes read
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (bytes.size() == 0) {
                    return Optional.empty();
                }
                throw new IOException("connection closed inside an HTTP head");
            }
            bytes.write(b);
            if (bytes.size() > MAX_BYTES) {
                throw new IOException("HTTP head longer than " + MAX_BYTES + " bytes");
            }
            window = (window << 8) | b;
            if (window == 0x0D0A0D0A || (window & 0xFFFF) == 0x0A0A) {
                break;
            }
        }
        String[] lines = bytes.toString(StandardCharsets.ISO_8859_1).split("\r?\n");
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(new String[] {lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()});
            }
        }
        return Optional.of(new HttpHead(lines[0], headers));
    }

    String startLine() {
        return startLine;
    }

    /** The second word of the start line: a request's target or a response's status code. */
    String secondToken() {
        String[] parts = startLine.split(" ", 3);
        return parts.length > 1 ? parts[1] : "";
    }

    String firstToken() {
        return startLine.split(" ", 2)[0];
    }

    /** A response's status code, or -1 when the start line is not a status line. */
    int status() {
        try {
            return startLine.startsWith("HTTP/") ? Integer.parseInt(secondToken()) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    Optional<String> header(String name) {
        return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst();
    }

    /** This head without the named headers (case-insensitive). */
    HttpHead without(String... names) {
        Set<String> drop = new java.util.HashSet<>();
        for (String name : names) {
            drop.add(name.toLowerCase(Locale.ROOT));
        }
        return new HttpHead(startLine,
                headers.stream().filter(h -> !drop.contains(h[0].toLowerCase(Locale.ROOT))).toList());
    }

    HttpHead with(String name, String value) {
        List<String[]> copy = new ArrayList<>(headers);
        copy.add(new String[] {name, value});
        return new HttpHead(startLine, copy);
    }

    HttpHead withStartLine(String line) {
        return new HttpHead(line, headers);
    }

    byte[] toBytes() {
        StringBuilder text = new StringBuilder(startLine).append("\r\n");
        for (String[] header : headers) {
            text.append(header[0]).append(": ").append(header[1]).append("\r\n");
        }
        return text.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
