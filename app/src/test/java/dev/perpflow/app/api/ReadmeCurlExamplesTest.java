package dev.perpflow.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.app.AppTestSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's curl lines, run as printed (with bash and curl, in the README's order) against the app on the test
 * profile with the dev grid and funding-arbitrage runs: only the port is changed to the test's, and {@code <id>} is
 * the id of a position the run opened. Each must answer JSON that is not an error.
 */
class ReadmeCurlExamplesTest extends AppTestSupport {

    private static final String KEY = "readme-bootstrap-key-0123456789abcdef";

    @Override
    protected Properties extraProperties() {
        Properties properties = new Properties();
        Path root = Path.of(System.getProperty("perpflow.routes-dir", "../routes")).getParent();
        properties.setProperty("perpflow.grid.dev-run", root.resolve("configs/dev/grid-sim-a.yaml").toString());
        properties.setProperty("perpflow.funding-arb.dev-run",
                root.resolve("configs/dev/funding-arb-sims.yaml").toString());
        properties.setProperty("perpflow.funding-arb.tick-millis", "300");
        properties.setProperty("perpflow.api-key", KEY);
        return properties;
    }

    /** The curl commands of the README's bash blocks, continuation lines joined, comments kept (bash drops them). */
    static List<String> curlLines(String readme) {
        List<String> commands = new ArrayList<>();
        boolean inBash = false;
        StringBuilder pending = null;
        for (String line : readme.split("\n", -1)) {
            if (line.startsWith("```")) {
                inBash = !inBash && line.strip().equals("```bash");
                continue;
            }
            if (!inBash) {
                continue;
            }
            if (pending != null) {
                pending.append('\n').append(line);
                if (!continues(line)) {
                    commands.add(pending.toString());
                    pending = null;
                }
                continue;
            }
            if (line.strip().startsWith("curl ")) {
                if (continues(line)) {
                    pending = new StringBuilder(line);
                } else {
                    commands.add(line);
                }
            }
        }
        return commands;
    }

    private static boolean continues(String line) {
        String code = line.contains(" #") ? line.substring(0, line.indexOf(" #")) : line;
        return code.stripTrailing().endsWith("\\");
    }

    private String openPositionId() {
        return RawHttp.awaitOpenPositionId(port(), KEY);
    }

    @Test
    void everyCurlLineOfTheReadmeWorksAsPrinted() throws Exception {
        Path readme = Path.of(System.getProperty("perpflow.routes-dir", "../routes")).getParent().resolve("README.md");
        List<String> commands = curlLines(Files.readString(readme, StandardCharsets.UTF_8));
        assertThat(commands).as("curl lines in the README").hasSizeGreaterThanOrEqualTo(10)
                .anyMatch(c -> c.contains("-X POST") && c.contains("-d '"));
        String positionId = openPositionId();
        for (String printed : commands) {
            String command = printed.replace("127.0.0.1:8080", "127.0.0.1:" + port()).replace("<id>", positionId);
            ProcessBuilder bash = new ProcessBuilder("bash", "-c", command);
            bash.environment().put("PERPFLOW_API_KEY", KEY);
            Path errors = Files.createTempFile("readme-curl-", ".err");
            bash.redirectError(errors.toFile());
            Process process = bash.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(printed).isTrue();
            assertThat(process.exitValue()).as(printed + "\n" + output + Files.readString(errors)).isZero();
            JsonNode json = JSON.readTree(output);
            assertThat(json.has("detail")).as(printed + "\n" + output).isFalse();
            if (printed.contains("/close")) {
                assertThat(json.get("success").asBoolean()).as(output).isTrue();
            }
        }
    }
}
