package dev.perpflow.app.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** docs/METRICS.md read back: each documented metric ({@code ### `name`} and its {@code | type | ... |} row). */
final class MetricsDoc {

    static final Path ROOT = Path.of(System.getProperty("perpflow.routes-dir", "../routes")).getParent();
    private static final Pattern METRIC =
            Pattern.compile("(?m)^### `([a-zA-Z_:][a-zA-Z0-9_:]*)`\\s*\\n+\\| type \\| (\\w+) \\|");

    private MetricsDoc() {
    }

    /** Documented metric → its type (counter, gauge, histogram, summary). */
    static Map<String, String> metrics() throws IOException {
        Matcher m = METRIC.matcher(Files.readString(ROOT.resolve("docs/METRICS.md")));
        Map<String, String> metrics = new LinkedHashMap<>();
        while (m.find()) {
            metrics.put(m.group(1), m.group(2));
        }
        return metrics;
    }

    /** The series the documented metrics are served as (a histogram's buckets, count, sum; a summary's count, sum). */
    static Set<String> series() throws IOException {
        Set<String> series = new LinkedHashSet<>();
        metrics().forEach((name, type) -> {
            switch (type) {
                case "histogram" -> series.addAll(Set.of(name + "_bucket", name + "_count", name + "_sum"));
                case "summary" -> series.addAll(Set.of(name + "_count", name + "_sum"));
                default -> series.add(name);
            }
        });
        return series;
    }
}
