package dev.perpflow.component.aster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perpflow.exchange.model.FundingSnapshot;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The aster component as another Camel user would adopt it: plain Camel Main, YAML routes
 * ({@code yaml-only/aster.camel.yaml}), options as {@code camel.component.aster.*} properties, no perpflow class but
 * the component's own. Against the fake Aster: poll funding, read the book, place a post-only order from a JSON body,
 * cancel it by client order id (results as JSON), and trade a second account chosen per endpoint
 * ({@code account=#bob}, a YAML bean) in the same context.
 */
class AsterComponentInYamlRoutesOnCamelMainTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOB_KEY = "bob-api-key-0123456789abcdef";
    private static final String BOB_SECRET = "bob-secret-0123456789abcdef";

    private AsterFixture aster;
    private Main main;

    @BeforeEach
    void startMain() throws Exception {
        aster = AsterFixture.withCredentials();
        aster.fake.acceptApiKey(BOB_KEY, BOB_SECRET);
        main = new Main();
        main.configure().withRoutesIncludePattern("classpath:yaml-only/*.camel.yaml");
        main.addInitialProperty("camel.component.aster.rest-url", aster.fake.restUrl().toString());
        main.addInitialProperty("camel.component.aster.ws-url", aster.fake.wsUrl().toString());
        main.addInitialProperty("camel.component.aster.api-key", AsterFixture.API_KEY);
        main.addInitialProperty("camel.component.aster.secret-key", AsterFixture.SECRET);
        main.addInitialProperty("bob.api-key", BOB_KEY);
        main.addInitialProperty("bob.secret-key", BOB_SECRET);
        main.start();
    }

    @AfterEach
    void stopMain() throws Exception {
        main.stop();
        aster.close();
    }

    @Test
    void pollsFundingReadsTheBookPlacesAPostOnlyOrderFromJsonAndCancelsItByClientOrderId() throws Exception {
        CamelContext context = main.getCamelContext();
        ProducerTemplate template = context.createProducerTemplate();
        ConsumerTemplate consumer = context.createConsumerTemplate();

        FundingSnapshot funding = consumer.receiveBody("seda:funding", 10_000, FundingSnapshot.class);
        assertThat(funding).isNotNull();
        assertThat(funding.rates()).extracting(r -> r.symbol()).contains("BTC", "ETH");

        JsonNode book = JSON.readTree(template.requestBody("direct:book", "ETH", String.class));
        assertThat(book.path("symbol").asText()).isEqualTo("ETH");
        assertThat(book.path("bids")).hasSize(5);
        BigDecimal farBid = book.path("bids").get(0).get(0).decimalValue().multiply(new BigDecimal("0.9"))
                .setScale(1, RoundingMode.DOWN);

        String order = "{\"clientOrderId\":\"yaml-1\",\"symbol\":\"ETH\",\"side\":\"BUY\",\"quantity\":\"0.5\","
                + "\"price\":\"" + farBid.toPlainString() + "\",\"timeInForce\":\"POST_ONLY\"}";
        JsonNode placed = JSON.readTree(template.requestBody("direct:place", order, String.class));
        assertThat(placed.path("clientOrderId").asText()).isEqualTo("yaml-1");
        assertThat(placed.path("status").asText()).isEqualTo("OPEN");
        assertThat(placed.path("timeInForce").asText()).isEqualTo("POST_ONLY");
        assertThat(aster.sim.exchange().openOrders("ETH")).extracting(o -> o.clientOrderId()).containsExactly("yaml-1");

        JsonNode cancelled = JSON.readTree(template.requestBodyAndHeader("direct:cancel", "yaml-1", "PerpSymbol", "ETH",
                String.class));
        assertThat(cancelled.path("status").asText()).isEqualTo("CANCELED");
        assertThat(aster.sim.exchange().openOrders("ETH")).isEmpty();
    }

    @Test
    void anEndpointsAccountOptionTradesAnotherAccountInTheSameContext() throws Exception {
        ProducerTemplate template = main.getCamelContext().createProducerTemplate();

        JsonNode placed = JSON.readTree(template.requestBody("direct:place-as-bob",
                "{\"clientOrderId\":\"bob-1\",\"symbol\":\"ETH\",\"side\":\"BUY\",\"quantity\":\"0.5\"}", String.class));
        JsonNode mine = JSON.readTree(template.requestBody("direct:place",
                "{\"clientOrderId\":\"alice-1\",\"symbol\":\"ETH\",\"side\":\"SELL\",\"quantity\":\"0.5\"}", String.class));

        assertThat(placed.path("status").asText()).isEqualTo("FILLED");
        assertThat(mine.path("status").asText()).isEqualTo("FILLED");
        assertThat(submitKey("bob-1")).isEqualTo(BOB_KEY);
        assertThat(submitKey("alice-1")).isEqualTo(AsterFixture.API_KEY);
    }

    @Test
    void anOrderBodyMissingAFieldIsRefusedBeforeAnythingIsSent() {
        ProducerTemplate template = main.getCamelContext().createProducerTemplate();
        int sent = aster.fake.server().requests().size();

        assertThatThrownBy(() -> template.requestBody("direct:place", "{\"symbol\":\"ETH\",\"side\":\"BUY\"}"))
                .isInstanceOf(CamelExecutionException.class).hasStackTraceContaining("clientOrderId");
        assertThat(aster.fake.server().requests().stream().skip(sent))
                .noneMatch(r -> r.path().equals("/fapi/v1/order"));
    }

    private String submitKey(String clientOrderId) {
        return aster.fake.server().requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/fapi/v1/order")
                        && r.bodyText().contains("newClientOrderId=" + clientOrderId))
                .map(r -> r.header("X-MBX-APIKEY").orElse("")).findFirst().orElse("none");
    }
}
