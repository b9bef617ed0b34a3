package dev.perpflow.app.execution;

import dev.perpflow.app.accounts.AccountRepository;
import dev.perpflow.app.accounts.AuditLog;
import dev.perpflow.app.accounts.CredentialStore;
import dev.perpflow.app.accounts.ProxyRepository;
import dev.perpflow.app.config.VenueSettings;
import dev.perpflow.app.venue.RealVenues;
import dev.perpflow.app.venue.VenueRegistry;
import dev.perpflow.component.sim.SimExchangeClient;
import dev.perpflow.exchange.ExchangeClient;
import dev.perpflow.risk.RiskGuard;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The venue clients and execution core each account trades through. {@code default} is the app's own: the venues'
 * environment credentials and the main execution core. A database account ({@code owner/account}) gets clients built
 * with its stored credentials for every enabled real venue it has credentials for (on a simulated venue, an account
 * of its own at that venue: its own cash, positions and orders), and an execution core with a journal scoped to it,
 * so no tracker ever queries another account's orders with the wrong keys. Built on first use, closed with the app;
 * the kill switch reaches every core ({@link #cores()}).
 */
public final class AccountTrading implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AccountTrading.class);
    public static final String DEFAULT = JdbcOrderJournal.DEFAULT_ACCOUNT;

    /** An account's trading: clients by venue, why other enabled venues are missing, and its execution core. */
    public record Trading(String account, Map<String, ExchangeClient> clients, Map<String, String> unavailable,
            ExecutionCore execution) {

        /** The client of {@code venue}, or a message saying why this account cannot trade there. */
        public ExchangeClient client(String venue, List<String> enabled) {
            ExchangeClient client = clients.get(venue);
            if (client != null) {
                return client;
            }
            String reason = unavailable.get(venue);
            throw new IllegalArgumentException("scan_exchanges: venue " + venue + (reason != null ? " is not available "
                    + "to account " + account + ": " + reason : " is not enabled (enabled: " + enabled + ")"));
        }
    }

    private final VenueRegistry venues;
    private final ExecutionCore main;
    private final DataSource dataSource;
    private final RiskGuard risk;
    private final Supplier<AccountRepository> accounts;
    private final Supplier<CredentialStore> credentials;
    private final Duration reconcileInterval;
    private final Clock clock;
    private final Map<String, Trading> byAccount = new LinkedHashMap<>();
    private final Map<String, Long> accountIds = new LinkedHashMap<>();
    private final Map<String, AccountNetwork> networks = new LinkedHashMap<>();
    private java.util.function.Function<String, dev.perpflow.execution.Alerts> alerts =
            account -> message -> LOG.error("ALERT [{}]: {}", account, message);
    private dev.perpflow.app.metrics.PerpflowMetrics metrics = dev.perpflow.app.metrics.PerpflowMetrics.discarding();
    private Supplier<ProxyRepository> proxies = () -> null;
    private Supplier<AuditLog> audit = () -> null;
    private URI proxyCheckUrl = URI.create("https://api.ipify.org");
    private Duration proxyCheckInterval = Duration.ofMinutes(30);
    private final ScheduledExecutorService proxyChecks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "proxy-health");
        thread.setDaemon(true);
        return thread;
    });

    /** Where each account's execution alerts go (the notification outbox in the app). */
    public void alerts(java.util.function.Function<String, dev.perpflow.execution.Alerts> alertsOf) {
        this.alerts = alertsOf;
    }

    /** Where each account's journal counts its orders and its gateway reports acknowledgement times. */
    public void metrics(dev.perpflow.app.metrics.PerpflowMetrics metrics) {
        this.metrics = metrics;
    }

    /** Proxies per account: where assignments are read, what the health check requests and how often. */
    public void proxies(Supplier<ProxyRepository> repository, Supplier<AuditLog> auditLog, URI checkUrl,
            Duration checkInterval) {
        this.proxies = repository;
        this.audit = auditLog;
        this.proxyCheckUrl = checkUrl;
        this.proxyCheckInterval = checkInterval;
    }

    public AccountTrading(VenueRegistry venues, ExecutionCore main, DataSource dataSource, RiskGuard risk,
            Supplier<AccountRepository> accounts, Supplier<CredentialStore> credentials, Duration reconcileInterval,
            Clock clock) {
        this.venues = venues;
        this.main = main;
        this.dataSource = dataSource;
        this.risk = risk;
        this.accounts = accounts;
        this.credentials = credentials;
        this.reconcileInterval = reconcileInterval;
        this.clock = clock;
    }

    public synchronized Trading of(String account) {
        if (account == null || account.equals(DEFAULT)) {
            return new Trading(DEFAULT, venues.clients(), Map.of(), main);
        }
        Trading existing = byAccount.get(account);
        AccountRepository.Account stored = current(existing == null ? account : existing.account());
        if (existing != null) {
            if (stored != null && stored.id() == accountIds.getOrDefault(existing.account(), -1L)) {
                return existing;
            }
            // deleted, deactivated, or deleted and made again: its clients and credentials must not trade any more
            evict(existing);
        }
        if (stored == null) {
            stored = accounts.get().require(account); // throws, saying why
        }
        String name = stored.owner() + "/" + stored.name();
        Map<String, ExchangeClient> clients = new LinkedHashMap<>();
        Map<String, String> unavailable = new LinkedHashMap<>();
        CredentialStore store = null;
        ProxyRepository proxyRepository = proxies.get();
        AccountNetwork network = proxyRepository == null ? null : AccountNetwork.open(stored, proxyRepository,
                audit.get(), proxyCheckUrl, proxyCheckInterval, proxyChecks, clock).orElse(null);
        if (network != null) {
            networks.put(name, network);
        }
        for (VenueRegistry.Venue venue : venues.enabledVenues()) {
            VenueSettings settings = venue.settings();
            if (settings.isSim()) {
                ExchangeClient shared = venue.component().getClient();
                clients.put(settings.name(), shared instanceof SimExchangeClient sim ? sim.forAccount(name) : shared);
                continue;
            }
            if (store == null) {
                store = credentials.get();
            }
            var fields = store.load(stored.id(), settings.type());
            if (fields.isEmpty()) {
                unavailable.put(settings.name(), "it has no " + settings.type() + " credentials (add them with "
                        + "'credentials set " + name + " " + settings.type() + "')");
                continue;
            }
            clients.put(settings.name(), RealVenues.clientWith(settings, fields.get(),
                    network == null ? null : network.httpClient()));
        }
        Trading trading = new Trading(name, Map.copyOf(clients), Map.copyOf(unavailable),
                new ExecutionCore(name, clients, new JdbcOrderJournal(dataSource, name, metrics), risk,
                        alerts.apply(name), reconcileInterval, clock, metrics));
        byAccount.put(account, trading);
        byAccount.put(name, trading);
        accountIds.put(name, stored.id());
        LOG.info("Account {} trades on {}{}", name, clients.keySet(), unavailable.isEmpty() ? ""
                : " (not on " + unavailable.keySet() + ")");
        return trading;
    }

    /** Every account's trading built so far: {@code default} first, then each database account's. */
    public synchronized java.util.List<Trading> tradings() {
        java.util.List<Trading> all = new java.util.ArrayList<>();
        all.add(of(DEFAULT));
        byAccount.values().stream().distinct().forEach(all::add);
        return all;
    }

    /** Every execution core built so far: the main one and each database account's (for the kill switch). */
    public synchronized java.util.List<ExecutionCore> cores() {
        java.util.List<ExecutionCore> cores = new java.util.ArrayList<>();
        cores.add(main);
        byAccount.values().stream().distinct().map(Trading::execution).forEach(cores::add);
        return cores;
    }

    /** The stored account if it still exists and is active, else null. */
    private AccountRepository.Account current(String account) {
        try {
            return accounts.get().require(account);
        } catch (dev.perpflow.app.accounts.AccountsException e) {
            return null;
        }
    }

    private void evict(Trading trading) {
        LOG.warn("Account {} was deleted or deactivated: its venue clients are closed", trading.account());
        byAccount.values().removeIf(t -> t == trading);
        accountIds.remove(trading.account());
        trading.execution().close();
        trading.clients().forEach((venue, client) -> {
            if (!client.equals(venues.client(venue).orElse(null))) {
                client.close();
            }
        });
        AccountNetwork network = networks.remove(trading.account());
        if (network != null) {
            network.close();
        }
    }

    /** Timer step: reconciles every account's open orders as the main core does its own. */
    public synchronized void reconcileDue() {
        byAccount.values().stream().distinct().forEach(trading -> trading.execution().reconcileDue());
    }

    @Override
    public synchronized void close() {
        byAccount.values().stream().distinct().forEach(trading -> {
            trading.execution().close();
            trading.clients().forEach((venue, client) -> {
                if (!client.equals(venues.client(venue).orElse(null))) {
                    client.close();
                }
            });
        });
        byAccount.clear();
        networks.values().forEach(AccountNetwork::close);
        networks.clear();
        proxyChecks.shutdownNow();
    }

    /** The proxy health monitor of an account, if it trades through proxies (for tests and health views). */
    public synchronized Optional<dev.perpflow.exchange.net.ProxyHealthMonitor> proxyMonitor(String account) {
        return Optional.ofNullable(networks.get(account)).map(AccountNetwork::monitor);
    }
}
