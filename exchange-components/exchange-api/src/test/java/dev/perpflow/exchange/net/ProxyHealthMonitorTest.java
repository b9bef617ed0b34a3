package dev.perpflow.exchange.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.exchange.auth.Secret;
import dev.perpflow.exchange.net.ProxyEndpoint.Protocol;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The monitor's counting and rotation rules with a scripted probe (no network). */
class ProxyHealthMonitorTest {

    private final ProxyEndpoint main = ProxyEndpoint.of("main", Protocol.SOCKS5, "10.0.0.1", 1080)
            .withCredentials("alice", Secret.of("pw-main"));
    private final ProxyEndpoint spare = ProxyEndpoint.of("spare", Protocol.HTTP, "10.0.0.2", 3128);
    private final ProxySelection selection = new ProxySelection(List.of(new ProxyAssignment(main, 1, ProxyStatus.ACTIVE),
            new ProxyAssignment(spare, 2, ProxyStatus.STANDBY)));
    private final Deque<Boolean> script = new ArrayDeque<>();
    private final List<ProxyEndpoint> probed = new CopyOnWriteArrayList<>();
    private final List<String> rotations = new CopyOnWriteArrayList<>();
    private final List<ProxyEvent> events = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    private final ProxyProbe probe = proxy -> {
        probed.add(proxy);
        Boolean healthy = script.poll();
        return healthy == null || healthy ? ProxyProbe.Result.healthy("HTTP 200")
                : ProxyProbe.Result.failed("HTTP 502 from " + proxy.maskedUrl());
    };

    private final ProxyHealthMonitor.Listener listener = new ProxyHealthMonitor.Listener() {
        @Override
        public void onRotation(ProxyEndpoint from, Optional<ProxyEndpoint> to, String reason) {
            rotations.add(from.label() + "->" + to.map(ProxyEndpoint::label).orElse("none"));
        }

        @Override
        public void onEvent(ProxyEvent event) {
            events.add(event);
        }
    };

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private ProxyHealthMonitor monitor(ProxyProbe probe, ProxyHealthMonitor.Listener listener) {
        return new ProxyHealthMonitor("acct", selection, probe, listener, scheduler,
                Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC), Duration.ofMillis(20), 3);
    }

    private void script(Boolean... outcomes) {
        script.addAll(List.of(outcomes));
    }

    @Test
    void onlyThreeFailuresInARowRotate() {
        ProxyHealthMonitor monitor = monitor(probe, listener);
        script(false, false, true, false, false);

        for (int i = 0; i < 5; i++) {
            monitor.checkNow();
        }

        assertThat(rotations).isEmpty();
        assertThat(monitor.consecutiveFailures()).isEqualTo(2);
        script(false);
        assertThat(monitor.checkNow().type()).isEqualTo(ProxyEvent.Type.ROTATED);
        assertThat(rotations).containsExactly("main->spare");
        assertThat(monitor.consecutiveFailures()).isZero();
    }

    @Test
    void afterRotatingTheNextChecksProbeTheNewProxyWithAFreshCount() {
        ProxyHealthMonitor monitor = monitor(probe, listener);
        script(false, false, false, false, false);

        for (int i = 0; i < 5; i++) {
            monitor.checkNow();
        }

        assertThat(probed).containsExactly(main, main, main, spare, spare);
        assertThat(monitor.consecutiveFailures()).isEqualTo(2);
        assertThat(selection.current()).contains(spare);
    }

    @Test
    void theRotationEventCarriesFromToAndReasonWithoutThePassword() {
        ProxyHealthMonitor monitor = monitor(probe, listener);
        script(false, false, false);

        monitor.checkNow();
        monitor.checkNow();
        ProxyEvent rotated = monitor.checkNow();

        assertThat(rotated.proxy()).contains(main);
        assertThat(rotated.next()).contains(spare);
        assertThat(rotated.detail()).isEqualTo("3 consecutive health checks failed, last: HTTP 502 from "
                + "socks5://alice:***@10.0.0.1:1080");
        assertThat(rotated.at()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(events).extracting(ProxyEvent::type).containsExactly(ProxyEvent.Type.CHECK_FAILED,
                ProxyEvent.Type.CHECK_FAILED, ProxyEvent.Type.CHECK_FAILED, ProxyEvent.Type.ROTATED);
        assertThat(events).allSatisfy(e -> assertThat(e.describe() + e).doesNotContain("pw-main"));
    }

    @Test
    void aThrowingProbeCountsAsAFailureAndAThrowingListenerDoesNotStopTheMonitor() {
        ProxyHealthMonitor monitor = monitor(proxy -> {
            throw new IllegalStateException("boom");
        }, (from, to, reason) -> {
            throw new IllegalStateException("listener broke");
        });

        monitor.checkNow();
        monitor.checkNow();
        ProxyEvent third = monitor.checkNow();

        assertThat(third.type()).isEqualTo(ProxyEvent.Type.ROTATED);
        assertThat(third.detail()).endsWith("probe failed: IllegalStateException");
        assertThat(monitor.checkNow().type()).isEqualTo(ProxyEvent.Type.CHECK_FAILED);
    }

    @Test
    void startedItChecksOnTheSchedulerUntilClosed() throws Exception {
        CompletableFuture<String> rotated = new CompletableFuture<>();
        script(false, false, false);
        ProxyHealthMonitor monitor = monitor(probe, (from, to, reason) -> rotated.complete(from.label()));

        monitor.start();

        assertThat(rotated.get(5, TimeUnit.SECONDS)).isEqualTo("main");
        monitor.close();
        int checks = probed.size();
        Thread.sleep(100);
        assertThat(probed.size()).isLessThanOrEqualTo(checks + 1); // at most the one running when closed
    }
}
