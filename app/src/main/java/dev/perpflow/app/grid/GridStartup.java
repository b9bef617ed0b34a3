package dev.perpflow.app.grid;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedStartupListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Once the context has started: resumes every grid run the database says was running, then starts the configured
 * dev grid ({@code perpflow.grid.dev-run}, a YAML grid config) if it is not running already.
 */
public class GridStartup implements ExtendedStartupListener {

    private static final Logger LOG = LoggerFactory.getLogger(GridStartup.class);

    private final GridRuns grids;
    private final String devRunId;
    private final Path devRunConfig;

    public GridStartup(GridRuns grids, String devRunId, Path devRunConfig) {
        this.grids = grids;
        this.devRunId = devRunId;
        this.devRunConfig = devRunConfig;
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // routes added here would not start; see onCamelContextFullyStarted
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) throws Exception {
        grids.resumeRunning();
        if (devRunConfig != null) {
            grids.start(devRunId, load(devRunConfig));
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> load(Path file) throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("grid config " + file + " not found (perpflow.grid.dev-run)");
        }
        Object yaml = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
        if (!(yaml instanceof Map)) {
            throw new IllegalArgumentException("grid config " + file + " is not a YAML mapping of keys to values");
        }
        LOG.info("Grid config {} loaded", file);
        return (Map<String, Object>) yaml;
    }
}
