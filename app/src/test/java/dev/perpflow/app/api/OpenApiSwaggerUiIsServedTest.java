package dev.perpflow.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.app.AppTestSupport;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Swagger UI at {@code /api/v1/docs}: the page, every script and stylesheet it loads (from the app, no CDN, no inline
 * script), and an initializer that points at the served OpenAPI document and keeps no key; anything else under the
 * docs path is a JSON 404, never a file of the class path.
 */
class OpenApiSwaggerUiIsServedTest extends AppTestSupport {

    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

    @Test
    void thePageAndEveryFileItLoadsAreServedByTheApp() throws Exception {
        HttpResponse<String> page = get("/api/v1/docs");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<div id=\"swagger-ui\">").doesNotContain("http://", "https://")
                .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("script-src 'self';").doesNotContain("unsafe-eval"));
        Matcher assets = ASSET.matcher(page.body());
        int loaded = 0;
        while (assets.find()) {
            String asset = assets.group(1);
            assertThat(asset).startsWith("/api/v1/docs/");
            HttpResponse<String> file = get(asset);
            assertThat(file.statusCode()).as(asset).isEqualTo(200);
            assertThat(file.body()).as(asset).isNotEmpty();
            loaded++;
        }
        assertThat(loaded).isEqualTo(5);
        assertThat(get("/api/v1/docs/swagger-ui-bundle.js").body()).contains("SwaggerUIBundle");
        assertThat(get("/api/v1/docs/swagger-ui.css").headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
    }

    @Test
    void theInitializerPointsAtTheServedDocumentAndKeepsNoKey() throws Exception {
        String initializer = get("/api/v1/docs/swagger-initializer.js").body();
        assertThat(initializer).contains("url: \"/api/v1/openapi.json\"", "persistAuthorization: false",
                "validatorUrl: null").doesNotContain("petstore", "http://", "https://");
        // and the document says where the UI is
        assertThat(getJson("/api/v1/openapi.json", 200).at("/info/description").asText()).contains("/api/v1/docs");
    }

    @Test
    void nothingElseUnderTheDocsPathIsServed() throws Exception {
        for (String path : new String[] {"/api/v1/docs/pom.properties", "/api/v1/docs/..%2Flogback.xml",
                "/api/v1/docs/swagger-ui-bundle.js.map"}) {
            HttpResponse<String> answer = get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(JSON.readTree(answer.body()).get("detail").asText()).as(path).contains("no file");
        }
    }
}
