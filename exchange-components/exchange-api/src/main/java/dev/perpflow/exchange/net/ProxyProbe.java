package dev.perpflow.exchange.net;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/** One health check of a proxy; must never put a password in its result. */
@FunctionalInterface
public interface ProxyProbe {

    /** What one check found: healthy or not, and a short reason (status, egress IP, error). */
    record Result(boolean healthy, String detail) {

        public static Result healthy(String detail) {
            return new Result(true, detail);
        }

        public static Result failed(String detail) {
            return new Result(false, detail);
        }
    }

    Result probe(ProxyEndpoint proxy);

    /**
     * A {@code GET checkUrl} through the proxy on a fresh client (so a kept-alive tunnel cannot hide a dead proxy);
     * any 2xx answer is healthy and its body (an egress-IP service answers with the IP) goes in the detail.
     */
    static ProxyProbe httpGet(URI checkUrl, Duration timeout) {
        Objects.requireNonNull(checkUrl, "checkUrl");
        Objects.requireNonNull(timeout, "timeout");
        return proxy -> {
            try (ProxiedHttpClient client = ProxiedHttpClients.open(proxy, timeout)) {
                HttpResponse<String> response = client.httpClient().send(
                        HttpRequest.newBuilder(checkUrl).timeout(timeout).GET().build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                String body = abbreviate(response.body());
                if (response.statusCode() / 100 == 2) {
                    return Result.healthy("HTTP " + response.statusCode() + (body.isEmpty() ? "" : " " + body));
                }
                return Result.failed("GET " + checkUrl + " answered HTTP " + response.statusCode()
                        + (body.isEmpty() ? "" : ": " + body));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Result.failed("check interrupted");
            } catch (Exception e) {
                return Result.failed("GET " + checkUrl + " failed: " + e);
            }
        };
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() <= 120 ? flat : flat.substring(0, 120) + "…";
    }
}
