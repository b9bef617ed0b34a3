/**
 * Per-account outbound proxies for venue traffic. An account's venue clients share one
 * {@link dev.perpflow.exchange.net.ProxiedHttpClient} (from {@link dev.perpflow.exchange.net.ProxiedHttpClients}),
 * so every REST call and WebSocket of that account goes through its proxy (HTTP or SOCKS5, with or without
 * username/password) while other accounts use theirs. {@link dev.perpflow.exchange.net.ProxySelection} picks the
 * proxy from the account's assignments; {@link dev.perpflow.exchange.net.ProxyHealthMonitor} checks it on a schedule
 * and rotates after repeated failures:
 *
 * <pre>{@code
 * ProxySelection selection = new ProxySelection(assignmentsFromTheDatabase);
 * ProxiedHttpClient net = ProxiedHttpClients.open(selection.current().orElseThrow(), Duration.ofSeconds(5));
 * // give net.httpClient() to every venue client of the account
 * ProxyHealthMonitor monitor = ProxyHealthMonitor.withDefaults(account, selection,
 *         ProxyProbe.httpGet(URI.create("https://api.ipify.org"), Duration.ofSeconds(10)),
 *         (from, to, reason) -> to.ifPresentOrElse(net::switchTo, () -> haltAccount(reason)), scheduler);
 * monitor.start();
 * }</pre>
 *
 * Passwords are {@link dev.perpflow.exchange.auth.Secret}s and appear masked ({@code socks5://alice:***@host:1080})
 * in every {@code toString()}, log line, event and error message of this package.
 */
package dev.perpflow.exchange.net;
