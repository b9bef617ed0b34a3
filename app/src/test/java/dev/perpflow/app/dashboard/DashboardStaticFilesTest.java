package dev.perpflow.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's files as shipped in the jar, read without a browser: the page runs under its Content-Security-Policy
 * (no inline script, style or event handler, nothing from another origin), renders data only as text (no
 * {@code innerHTML} and friends), keeps the key out of URLs; and {@link DashboardFiles} serves only names of its
 * whitelist.
 */
class DashboardStaticFilesTest {

    private static final List<String> SCRIPTS = List.of("app.js", "api.js", "ui.js", "feed.js", "chart.js",
            "overview.js", "opportunities.js", "funding.js", "run.js", "positions.js");
    private static final List<String> FILES = java.util.stream.Stream.concat(
            java.util.stream.Stream.of("index.html", "app.css", "favicon.svg"), SCRIPTS.stream()).toList();

    private static String read(String name) throws IOException {
        try (InputStream in = DashboardStaticFilesTest.class.getClassLoader().getResourceAsStream("web/" + name)) {
            assertThat(in).as("web/" + name + " on the class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void thePageHasNoInlineScriptStyleOrHandlerAndLoadsNothingFromAnotherOrigin() throws IOException {
        String html = read("index.html");
        assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)").matcher(html).find()).as("inline <script>").isFalse();
        assertThat(html).doesNotContain("<style", " style=", "javascript:");
        assertThat(Pattern.compile("\\son[a-z]+=").matcher(html).find()).as("inline event handler").isFalse();
        for (String name : FILES) {
            // (the SVG namespace is a name, not something loaded)
            assertThat(read(name).replace("http://www.w3.org/2000/svg", "")).as(name)
                    .doesNotContain("http://", "https://", "//cdn");
        }
    }

    @Test
    void scriptsRenderDataAsTextOnlyAndNeverPutTheKeyInAUrl() throws IOException {
        StringBuilder all = new StringBuilder();
        for (String name : SCRIPTS) {
            String js = read(name);
            assertThat(js).as(name).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write",
                    "eval(", "new Function", "localStorage");
            assertThat(Pattern.compile("[?&](api_key|apikey|key)=").matcher(js).find()).as(name + ": a key in a URL")
                    .isFalse();
            all.append(js);
        }
        assertThat(read("api.js")).contains("sessionStorage.setItem(KEY_STORAGE", "headers['X-API-Key'] = session.key");
        assertThat(read("feed.js")).contains("JSON.stringify({ type: 'auth', api_key: session.key })");
        // every module the page loads is one the server serves
        Pattern imports = Pattern.compile("from '\\./([a-z0-9-]+\\.js)'");
        imports.matcher(all).results().forEach(m -> assertThat(SCRIPTS).as("imported").contains(m.group(1)));
    }

    @Test
    void onlyWhitelistedNamesAreServedWithTheirTypesAndSecurityHeaders() throws IOException {
        DashboardFiles files = new DashboardFiles(true, 18081, "/ws/events");
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            for (String name : List.of("logback.xml", "../logback.xml", "..%2flogback.xml", "db/migration",
                    "application.properties", "INDEX.HTML", "index.html.bak", "missing.js", ".hidden.js")) {
                Exchange exchange = serve(context, files, name, null);
                assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).as(name).isEqualTo(404);
            }
            Exchange page = serve(context, files, "", "localhost:8080");
            assertThat(page.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(200);
            assertThat(page.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("text/html; charset=utf-8");
            assertThat(page.getMessage().getHeader("Content-Security-Policy", String.class))
                    .contains("connect-src 'self' ws://localhost:18081;", "frame-ancestors 'none'");
            Exchange forged = serve(context, files, "app.js", "evil.example\r\nSet-Cookie: x=1");
            assertThat(forged.getMessage().getHeader("Content-Security-Policy", String.class))
                    .contains("ws://127.0.0.1:18081").doesNotContain("evil");
            assertThat(forged.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("text/javascript; charset=utf-8");
            assertThat(new String(serve(context, files, "config.json", null).getMessage().getBody(byte[].class),
                    StandardCharsets.UTF_8)).isEqualTo("{\"ws_enabled\":true,\"ws_port\":18081,\"ws_path\":\"/ws/events\"}");
        }
        assertThat(new String(new DashboardFiles(true, 0, "/ws/events").config(), StandardCharsets.UTF_8))
                .contains("\"ws_port\":null");
    }

    private static Exchange serve(DefaultCamelContext context, DashboardFiles files, String name, String host) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setHeader("file", name);
        exchange.getMessage().setHeader("Host", host);
        files.serve(exchange);
        return exchange;
    }
}
