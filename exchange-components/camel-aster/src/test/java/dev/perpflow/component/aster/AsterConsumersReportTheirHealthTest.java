package dev.perpflow.component.aster;

import static dev.perpflow.testkit.FakeServerFaults.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.perpflow.testkit.FakeResponse;
import java.time.Duration;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckAware;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The aster component's consumers report to Camel's health checks ({@code HealthCheckComponent}): the funding poll
 * its last poll's outcome, the book and order streams whether they are live; a dropped stream and failing polls
 * turn them DOWN.
 */
class AsterConsumersReportTheirHealthTest extends CamelTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private AsterFixture aster;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        aster = AsterFixture.withCredentials();
        AsterComponent component = new AsterComponent(AsterConfiguration.of(aster.fake.restUrl(), aster.fake.wsUrl(),
                AsterCredentials.of(AsterFixture.API_KEY, AsterFixture.SECRET)));
        context.addComponent("aster", component);
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("aster:funding?delay=200&initialDelay=0&retryAttempts=1").routeId("funding").to("mock:funding");
                from("aster:book?symbol=ETH&bookStaleAfter=1000").routeId("book").to("mock:book");
                from("aster:orders").routeId("orders").to("mock:orders");
            }
        };
    }

    @AfterEach
    void closeFake() {
        aster.close();
    }

    @Test
    void consumersAreUpWhileTheVenueAnswersAndDownWhenItsStreamsAndPollsFail() {
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(health("funding").getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(health("book").getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(health("orders").getState()).isEqualTo(HealthCheck.State.UP);
        });

        aster.fake.server().refuseStreams(true);
        aster.fake.server().dropStreams();
        aster.fake.server().faults().answerNext(1000, on("GET", "/fapi/v1/premiumIndex"),
                FakeResponse.json(503, "<html>Service Unavailable</html>"));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(health("orders").getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(health("orders").getMessage()).hasValueSatisfying(m -> assertThat(m).contains("disconnected"));
            assertThat(health("book").getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(health("funding").getState()).isEqualTo(HealthCheck.State.DOWN);
        });
    }

    private HealthCheck.Result health(String routeId) {
        HealthCheck check = ((HealthCheckAware) context.getRoute(routeId).getConsumer()).getHealthCheck();
        assertThat(check).as(routeId + " has a health check").isNotNull();
        return check.call();
    }
}
