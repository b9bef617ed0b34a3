package dev.perpflow.exchange.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perpflow.exchange.net.ProxyEndpoint.Protocol;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProxySelectionOrderTest {

    private static ProxyAssignment assign(String label, int priority, ProxyStatus status) {
        return new ProxyAssignment(ProxyEndpoint.of(label, Protocol.SOCKS5, label + ".proxy", 1080), priority, status);
    }

    @Test
    void currentIsTheFirstActiveByPriorityThenLabel() {
        ProxySelection selection = new ProxySelection(List.of(assign("c", 2, ProxyStatus.ACTIVE),
                assign("b", 1, ProxyStatus.ACTIVE), assign("a", 1, ProxyStatus.ACTIVE), assign("z", 0, ProxyStatus.STANDBY)));

        assertThat(selection.current()).map(ProxyEndpoint::label).contains("a");
        assertThat(selection.assignments()).extracting(ProxyAssignment::label).containsExactly("z", "a", "b", "c");
    }

    @Test
    void aStandbyIsUsedOnlyWhenNoActiveIsLeftAndBurnedNever() {
        ProxySelection selection = new ProxySelection(List.of(assign("burned", 0, ProxyStatus.BURNED),
                assign("spare", 0, ProxyStatus.STANDBY), assign("main", 5, ProxyStatus.ACTIVE)));

        assertThat(selection.current()).map(ProxyEndpoint::label).contains("main");
        assertThat(selection.rotate()).map(ProxyEndpoint::label).contains("spare");
        assertThat(selection.rotate()).isEmpty();
        assertThat(selection.current()).isEmpty();
        assertThat(selection.assignments()).extracting(ProxyAssignment::status).containsOnly(ProxyStatus.BURNED);
    }

    @Test
    void rotateBurnsTheFailingProxyAndMovesToTheNextActive() {
        ProxySelection selection = new ProxySelection(List.of(assign("a", 1, ProxyStatus.ACTIVE),
                assign("b", 2, ProxyStatus.ACTIVE), assign("s", 1, ProxyStatus.STANDBY)));

        assertThat(selection.rotate()).map(ProxyEndpoint::label).contains("b");
        assertThat(selection.assignments()).filteredOn(a -> a.label().equals("a"))
                .extracting(ProxyAssignment::status).containsExactly(ProxyStatus.BURNED);
        assertThat(selection.rotate()).map(ProxyEndpoint::label).contains("s");
    }

    @Test
    void aSingleProxyRotatesToNothingInsteadOfItself() {
        ProxySelection selection = new ProxySelection(List.of(assign("only", 1, ProxyStatus.ACTIVE)));

        assertThat(selection.rotate()).isEmpty();
        assertThat(selection.rotate()).isEmpty();
    }

    @Test
    void aRestoredProxyIsSelectableAgain() {
        ProxySelection selection = new ProxySelection(List.of(assign("a", 1, ProxyStatus.ACTIVE)));
        selection.rotate();

        selection.setStatus("a", ProxyStatus.ACTIVE);

        assertThat(selection.current()).map(ProxyEndpoint::label).contains("a");
    }

    @Test
    void refusesTheSameLabelTwiceAndUnknownLabels() {
        assertThatThrownBy(() -> new ProxySelection(List.of(assign("a", 1, ProxyStatus.ACTIVE),
                assign("a", 2, ProxyStatus.STANDBY)))).hasMessageContaining("assigned twice");
        assertThatThrownBy(() -> new ProxySelection(List.of()).setStatus("x", ProxyStatus.ACTIVE))
                .hasMessageContaining("no proxy 'x'");
    }

    @Test
    void noAssignmentsMeansNoCurrentProxy() {
        assertThat(new ProxySelection(List.of()).current()).isEmpty();
    }
}
