package dev.perpflow.app.fundingarb;

import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedStartupListener;

/**
 * Once the context has started: resumes every funding-arbitrage run the database says was running, then starts
 * the configured dev run ({@code perpflow.funding-arb.dev-run}, a YAML config) if it is not running already.
 */
public class FundingArbStartup implements ExtendedStartupListener {

    private final FundingArbRuns runs;
    private final String devRunId;
    private final Path devRunConfig;

    public FundingArbStartup(FundingArbRuns runs, String devRunId, Path devRunConfig) {
        this.runs = runs;
        this.devRunId = devRunId;
        this.devRunConfig = devRunConfig;
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // routes added here would not start; see onCamelContextFullyStarted
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) throws Exception {
        runs.resumeRunning();
        if (devRunConfig != null) {
            runs.startFromFile(devRunId, devRunConfig);
        }
    }
}
