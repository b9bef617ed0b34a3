package dev.perpflow.app.execution;

import dev.perpflow.app.accounts.AccountRepository;
import dev.perpflow.app.accounts.AuditLog;
import dev.perpflow.app.accounts.ProxyRepository;
import dev.perpflow.exchange.net.ProxiedHttpClient;
import dev.perpflow.exchange.net.ProxiedHttpClients;
import dev.perpflow.exchange.net.ProxyAssignment;
import dev.perpflow.exchange.net.ProxyEndpoint;
import dev.perpflow.exchange.net.ProxyHealthMonitor;
import dev.perpflow.exchange.net.ProxyProbe;
import dev.perpflow.exchange.net.ProxySelection;
import dev.perpflow.exchange.net.ProxyStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An account's way out to the venues: with proxies assigned, one {@link ProxiedHttpClient} through the current proxy
 * (every REST call and WebSocket of the account's venue clients goes through it, nothing process-wide) and a health
 * monitor that checks it on a schedule and, after 3 failures in a row, burns it, moves traffic to the next one and
 * records the rotation in the database and the audit log. With every proxy burned the account's traffic stops (the
 * burned proxy stays in place): it never falls back to a direct connection. Passwords stay masked in every message.
 */
final class AccountNetwork implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AccountNetwork.class);

    private final ProxiedHttpClient client;
    private final ProxyHealthMonitor monitor;

    private AccountNetwork(ProxiedHttpClient client, ProxyHealthMonitor monitor) {
        this.client = client;
        this.monitor = monitor;
    }

    /** The account's proxied network, or empty when it has no proxy assigned (direct connections). */
    static Optional<AccountNetwork> open(AccountRepository.Account account, ProxyRepository proxies, AuditLog audit,
            URI checkUrl, Duration checkInterval, ScheduledExecutorService scheduler, Clock clock) {
        List<ProxyRepository.Assignment> stored = proxies.assignments(account.id());
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        String name = account.owner() + "/" + account.name();
        List<ProxyAssignment> assignments = new ArrayList<>();
        for (ProxyRepository.Assignment assignment : stored) {
            assignments.add(new ProxyAssignment(endpoint(assignment.proxy()), assignment.priority(),
                    ProxyStatus.valueOf(assignment.status().toUpperCase(Locale.ROOT))));
        }
        ProxySelection selection = new ProxySelection(assignments);
        ProxyEndpoint current = selection.current().orElseThrow(() -> new IllegalArgumentException("account " + name
                + " has proxies but every one is burned: assign a working proxy before trading"));
        ProxiedHttpClient client = ProxiedHttpClients.open(current, Duration.ofSeconds(10));
        ProxyHealthMonitor.Listener listener = new ProxyHealthMonitor.Listener() {
            @Override
            public void onRotation(ProxyEndpoint from, Optional<ProxyEndpoint> to, String reason) {
                proxies.setStatus(account.id(), from.label(), "burned", "proxy-monitor", reason);
                audit.record("proxy-monitor", "proxy_rotated", name, Map.of("from", from.maskedUrl(), "to",
                        to.map(ProxyEndpoint::maskedUrl).orElse("none"), "reason", reason));
                to.ifPresentOrElse(client::switchTo, () -> LOG.error("Account {}: every proxy failed its health "
                        + "checks; its venue traffic stops until a working proxy is assigned", name));
            }
        };
        ProxyHealthMonitor monitor = new ProxyHealthMonitor(name, selection,
                ProxyProbe.httpGet(checkUrl, Duration.ofSeconds(10)), listener, scheduler, clock, checkInterval,
                ProxyHealthMonitor.DEFAULT_FAILURE_THRESHOLD);
        monitor.start();
        LOG.info("Account {} trades through proxy {}", name, current.maskedUrl());
        return Optional.of(new AccountNetwork(client, monitor));
    }

    HttpClient httpClient() {
        return client.httpClient();
    }

    ProxyHealthMonitor monitor() {
        return monitor;
    }

    @Override
    public void close() {
        monitor.close();
        client.close();
    }

    static ProxyEndpoint endpoint(ProxyRepository.StoredProxy proxy) {
        ProxyEndpoint endpoint = ProxyEndpoint.of(proxy.label(), proxy.protocol().equals("socks5")
                ? ProxyEndpoint.Protocol.SOCKS5 : ProxyEndpoint.Protocol.HTTP, proxy.host(), proxy.port());
        return proxy.username() == null || proxy.password() == null ? endpoint
                : endpoint.withCredentials(proxy.username(), proxy.password());
    }
}
