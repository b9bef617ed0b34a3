package dev.perpflow.app.strategy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedStartupListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once the context has fully started (routes added earlier would not start): every strategy resumes the runs the
 * database says were running, then the configured dev runs start ({@code perpflow.funding-arb.dev-run},
 * {@code perpflow.grid.dev-run}: a YAML config file each) — unless a user stopped that run, which stays stopped
 * across restarts until someone starts it again.
 */
public final class RunStartup implements ExtendedStartupListener {

    private static final Logger LOG = LoggerFactory.getLogger(RunStartup.class);

    /** A run the profile starts from a config file. */
    public record DevRun(RunHost host, String runId, Path config) {
    }

    private final List<RunHost> hosts;
    private final List<DevRun> devRuns;

    public RunStartup(List<RunHost> hosts, List<DevRun> devRuns) {
        this.hosts = List.copyOf(hosts);
        this.devRuns = List.copyOf(devRuns);
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // routes added here would not start; see onCamelContextFullyStarted
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) throws Exception {
        for (RunHost host : hosts) {
            host.resumeRunning();
        }
        for (DevRun dev : devRuns) {
            Optional<String> status = dev.host().runs().findRun(dev.runId()).map(StrategyRunRepository.StoredRun::status);
            if (status.filter(s -> s.equals("stopped") || s.equals("stopping")).isPresent()) {
                LOG.info("Dev run {} stays {}: a user stopped it (start it again with POST /api/v1/strategies/{}/start)",
                        dev.runId(), status.get(), dev.runId());
                continue;
            }
            dev.host().startFromFile(dev.runId(), dev.config());
        }
    }
}
