/**
 * Fake outbound proxies for offline tests of perpflow's proxy networking: an HTTP proxy (CONNECT and absolute-form,
 * optional Basic auth) and a SOCKS5 proxy (no auth or username/password), both on loopback, only ever connecting
 * to loopback targets, with connection counters and switches to make them fail or refuse.
 */
package dev.perpflow.testkit.net;
