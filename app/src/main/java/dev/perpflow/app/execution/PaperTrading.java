package dev.perpflow.app.execution;

import dev.perpflow.component.sim.paper.PaperExchangeClient;
import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.execution.InMemoryOrderJournal;
import dev.perpflow.funding.FeeSchedule;
import dev.perpflow.risk.RiskGuard;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Simulated trading for strategy runs with {@code dry_run: true} on any profile: one paper account per enabled
 * venue over that venue's live client (live books and funding, the venue's fees) and an execution core of its own,
 * so paper orders never meet the live journal, trackers or venues. The halt switch is shared with live trading.
 * Paper accounts live in memory: they start at {@code perpflow.paper.initial-balance} on every start of the app.
 * Created on first use.
 */
public final class PaperTrading implements AutoCloseable {

    private final Supplier<Map<String, ExchangeClient>> liveClients;
    private final FeeSchedule fees;
    private final RiskGuard risk;
    private final BigDecimal initialBalance;
    private final Duration reconcileInterval;
    private final Clock clock;
    private Map<String, ExchangeClient> clients;
    private final java.util.List<ExchangeClient> created = new java.util.ArrayList<>();
    private ExecutionCore execution;

    public PaperTrading(Supplier<Map<String, ExchangeClient>> liveClients, FeeSchedule fees, RiskGuard risk,
            BigDecimal initialBalance, Duration reconcileInterval, Clock clock) {
        this.liveClients = liveClients;
        this.fees = fees;
        this.risk = risk;
        this.initialBalance = initialBalance;
        this.reconcileInterval = reconcileInterval;
        this.clock = clock;
    }

    /** Paper clients by venue name (a venue that is already paper, on the paper profile, is used as it is). */
    public synchronized Map<String, ExchangeClient> clients() {
        if (clients == null) {
            Map<String, ExchangeClient> paper = new LinkedHashMap<>();
            liveClients.get().forEach((venue, live) -> {
                FeeSchedule.Fees venueFees = fees.feesOf(venue);
                if (live instanceof PaperExchangeClient) {
                    paper.put(venue, live);
                } else {
                    ExchangeClient account = PaperExchangeClient.sharing(live, venueFees.maker(), venueFees.taker(),
                            initialBalance, Duration.ofSeconds(1), clock);
                    created.add(account);
                    paper.put(venue, account);
                }
            });
            clients = Map.copyOf(paper);
        }
        return clients;
    }

    public synchronized ExecutionCore execution() {
        if (execution == null) {
            execution = new ExecutionCore("paper", clients(), new InMemoryOrderJournal(), risk, reconcileInterval,
                    clock);
        }
        return execution;
    }

    /** The paper execution core, if a dry run created it (the kill switch cancels its orders too). */
    public synchronized java.util.Optional<ExecutionCore> existingExecution() {
        return java.util.Optional.ofNullable(execution);
    }

    @Override
    public synchronized void close() {
        if (execution != null) {
            execution.close();
        }
        created.forEach(ExchangeClient::close);
    }
}
