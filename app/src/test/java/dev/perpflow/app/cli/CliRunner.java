package dev.perpflow.app.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/** Runs CLI command lines against one database with a controlled environment, capturing output. */
final class CliRunner {

    /** One command's outcome. */
    record Result(int status, String out, String err) {

        String all() {
            return out + err;
        }
    }

    private final DataSource dataSource;
    final Map<String, String> env = new HashMap<>();

    CliRunner(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Result run(String... args) {
        return runWithInput("", args);
    }

    Result runWithInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> snapshot = Map.copyOf(env);
        CliEnvironment environment = CliEnvironment.of(snapshot::get, Map.of());
        CliContext context = new CliContext(environment,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), dataSource);
        int status = PerpflowCli.execute(context, args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(status, out.toString(), err.toString());
    }
}
