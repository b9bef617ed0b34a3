package dev.perpflow.app.config;

/** Where the REST API listens ({@code perpflow.http.host}, {@code perpflow.http.port}). */
public record HttpSettings(String host, int port) {

    static HttpSettings read(PropertyReader properties) {
        return new HttpSettings(
                properties.string("perpflow.http.host", "127.0.0.1"),
                properties.integer("perpflow.http.port", 8080, 1, 65535));
    }
}
