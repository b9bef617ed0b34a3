package dev.perpflow.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/grafana/perpflow.json imports into Grafana and shows only what perpflow serves: it is valid JSON with the
 * Prometheus data source as an input, and every PromQL expression (panels and variables) uses only metrics
 * documented in docs/METRICS.md (which {@link MetricsInTheAppTest} checks the app serves).
 */
class GrafanaDashboardTest {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)");

    private static JsonNode dashboard() throws Exception {
        return new ObjectMapper().readTree(Files.readString(MetricsDoc.ROOT.resolve("docs/grafana/perpflow.json")));
    }

    /** The metric names a PromQL expression reads (not functions, keywords, label names or values, ranges). */
    static Set<String> metricNames(String expr) {
        String bare = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new LinkedHashSet<>();
        Matcher m = IDENTIFIER.matcher(bare);
        while (m.find()) {
            String rest = bare.substring(m.end()).stripLeading();
            boolean function = rest.startsWith("(");
            boolean partOfNumber = m.start() > 0 && (Character.isDigit(bare.charAt(m.start() - 1))
                    || bare.charAt(m.start() - 1) == '.');
            if (!function && !partOfNumber && !KEYWORDS.contains(m.group().toLowerCase(java.util.Locale.ROOT))) {
                names.add(m.group());
            }
        }
        return names;
    }

    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    @Test
    void theExtractionFindsMetricNamesOnly() {
        assertThat(metricNames("sum by (venue, le) (rate(foo_seconds_bucket{venue=~\"$venue\",x=\"a b\"}"
                + "[$__rate_interval])) / on (venue) bar_total * 60 > 0.5e3 unless baz"))
                .containsExactly("foo_seconds_bucket", "bar_total", "baz");
        assertThat(metricNames("histogram_quantile(0.95, sum by (le) (rate(x_bucket[5m])))"))
                .containsExactly("x_bucket");
    }

    @Test
    void theDashboardTakesItsPrometheusDataSourceAsAnInput() throws Exception {
        JsonNode dashboard = dashboard();

        JsonNode input = dashboard.get("__inputs").get(0);
        assertThat(input.get("name").asText()).isEqualTo("DS_PROMETHEUS");
        assertThat(input.get("type").asText()).isEqualTo("datasource");
        assertThat(input.get("pluginId").asText()).isEqualTo("prometheus");
        assertThat(dashboard.get("title").asText()).isEqualTo("perpflow");
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : panels(dashboard)) {
            assertThat(ids.add(panel.get("id").asInt())).as("panel ids are unique").isTrue();
            assertThat(panel.has("gridPos")).isTrue();
            if (panel.get("type").asText().equals("row")) {
                continue;
            }
            assertThat(panel.get("datasource").get("uid").asText()).as(panel.get("title").asText())
                    .isEqualTo("${DS_PROMETHEUS}");
            assertThat(panel.get("targets")).as(panel.get("title").asText()).isNotEmpty();
            for (JsonNode target : panel.get("targets")) {
                assertThat(target.get("datasource").get("uid").asText()).isEqualTo("${DS_PROMETHEUS}");
            }
        }
    }

    @Test
    void everyExpressionUsesOnlyDocumentedMetricsAndEveryPerpflowMetricIsShown() throws Exception {
        JsonNode dashboard = dashboard();
        Set<String> documented = MetricsDoc.series();
        Set<String> used = new LinkedHashSet<>();
        for (JsonNode panel : panels(dashboard)) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.get("expr").asText();
                Set<String> names = metricNames(expr);
                assertThat(names).as("metrics of " + expr).isNotEmpty();
                assertThat(documented).as("docs/METRICS.md documents the metrics of " + expr).containsAll(names);
                used.addAll(names);
            }
        }
        for (JsonNode variable : dashboard.get("templating").get("list")) {
            Matcher m = LABEL_VALUES.matcher(variable.get("definition").asText());
            assertThat(m.find()).as(variable.get("name").asText()).isTrue();
            assertThat(documented).contains(m.group(1));
        }
        for (String metric : MetricsDoc.metrics().keySet()) {
            if (metric.startsWith("perpflow_")) {
                assertThat(used).as("the dashboard shows " + metric)
                        .anyMatch(series -> series.equals(metric) || series.startsWith(metric + "_"));
            }
        }
    }
}
