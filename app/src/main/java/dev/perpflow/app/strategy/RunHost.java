package dev.perpflow.app.strategy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The runs of one strategy on this node, behind the one lifecycle every strategy shares: a run is created from a
 * validated config (stored, not started), started (or resumed after a restart) as an engine ticked by its own
 * route, stopped (no new entries; a strategy holding positions may keep watching them until flat, as
 * {@code stopping}), and marked {@code error} when it crashes. {@link StrategyRuntime} drives every host through
 * this interface and so treats funding-arbitrage runs and grids alike.
 */
public interface RunHost {

    /** The strategy's name as configs and the API spell it ({@code funding_arbitrage}, {@code grid}). */
    String strategy();

    /** Where this strategy's runs, their status and events are stored. */
    StrategyRunRepository runs();

    /** Checks a config key by key; the {@link IllegalArgumentException} names every bad key. */
    void validate(Map<String, Object> config);

    /** Validates and stores a new run for {@code account} (not started). */
    void create(String runId, Map<String, Object> config, String account, Instant now) throws Exception;

    /** Starts (or resumes) a stored run; a run already running is left as it is. */
    void start(String runId, Map<String, Object> config) throws Exception;

    /** Starts a run whose config is a file (the dev profile's runs); a config reload reads that file again. */
    default void startFromFile(String runId, Path file) throws Exception {
        start(runId, dev.perpflow.app.config.YamlMaps.read(file, strategy() + " config"));
    }

    /** Stops a run's entries; with {@code closePositions} a strategy that holds positions closes them first. */
    StopOutcome stop(String runId, boolean closePositions) throws Exception;

    /** The run crashed: it is marked {@code error} with the reason (off the tick's own thread). */
    void crash(String runId, String reason);

    /** Resumes every run the database says was running (once the context has started). */
    void resumeRunning() throws Exception;

    /** Ids of the runs running on this node. */
    List<String> runningIds();

    /** Tick failures per run, which turn into a crash past the limit. */
    RunFailures failures();
}
