package dev.perpflow.component.edgex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.perpflow.component.edgex.client.EdgexErrors;
import dev.perpflow.component.edgex.dto.EdgexMetaData;
import dev.perpflow.component.edgex.dto.EdgexOrder;
import dev.perpflow.component.edgex.dto.EdgexResponse;
import dev.perpflow.component.edgex.dto.EdgexTicker;
import dev.perpflow.exchange.error.InsufficientMarginException;
import dev.perpflow.exchange.error.VenueUnavailableException;
import dev.perpflow.exchange.http.VenueRequest;
import dev.perpflow.exchange.http.VenueResponse;
import dev.perpflow.exchange.http.VenueRestApi;
import dev.perpflow.exchange.model.FundingRate;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.OrderRequest;
import dev.perpflow.exchange.model.OrderStatus;
import dev.perpflow.exchange.model.Side;
import dev.perpflow.exchange.model.TimeInForce;
import dev.perpflow.testkit.RecordedPayloads;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** EdgeX payloads (schema-shaped, see src/test/resources/edgex/README.md) mapped to the model and to orders. */
class EdgexAdaptersTest {

    private static final RecordedPayloads PAYLOADS = new RecordedPayloads("edgex", VenueRestApi.newMapper());
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static EdgexMetaData metadata() {
        return PAYLOADS.read("metadata.json", new TypeReference<EdgexResponse<EdgexMetaData>>() { }).data();
    }

    @Test
    void contractsAreInstrumentsNamedByIdWithIntervalsLeverageAndMultipliers() {
        List<Instrument> instruments = metadata().contractList().stream().filter(EdgexAdapters::isTradable)
                .map(c -> EdgexAdapters.instrument("edgex", c)).toList();
        assertThat(instruments).extracting(Instrument::symbol).containsExactly("BTC", "PEPE");
        Instrument btc = instruments.get(0);
        assertThat(btc.venueSymbol()).isEqualTo("10000001");
        assertThat(btc.fundingIntervalHours()).isEqualTo(4);
        assertThat(btc.maxLeverage()).isEqualTo(100);
        assertThat(btc.quoteAsset()).isEqualTo("USDT");
        assertThat(instruments.get(1).quantityMultiplier()).isEqualByComparingTo("1000");
        assertThat(instruments.get(1).fundingIntervalHours()).isEqualTo(1);
    }

    @Test
    void theTickerGivesTheRateTheNextSettlementAndUsdStats() {
        EdgexTicker ticker = PAYLOADS.read("ticker.json", new TypeReference<EdgexResponse<List<EdgexTicker>>>() { })
                .data().get(0);
        Instrument btc = EdgexAdapters.instrument("edgex", metadata().contractList().get(0));
        FundingRate rate = EdgexAdapters.fundingRate("edgex", ticker, btc, NOW);
        assertThat(rate.rate()).isEqualByComparingTo("0.00005118");
        assertThat(rate.intervalHours()).isEqualTo(4);
        assertThat(rate.ratePer8h()).isEqualByComparingTo("0.00010236");
        assertThat(rate.nextFundingTime()).isEqualTo(Instant.ofEpochMilli(1733313600000L));
        var stats = EdgexAdapters.marketStats("edgex", ticker, btc, NOW);
        assertThat(stats.volume24hUsd()).isEqualByComparingTo("673548123.45");
        assertThat(stats.openInterestUsd()).isEqualByComparingTo(new BigDecimal("1520.441").multiply(new BigDecimal("76428.9")));
    }

    @Test
    void anOrderMapsWithItsFillsAndAnOrderRequestIsSignedWithScaledAmounts() {
        EdgexOrder row = PAYLOADS.read("order.json", new TypeReference<EdgexResponse<List<EdgexOrder>>>() { }).data()
                .get(0);
        Order order = EdgexAdapters.order("edgex", row, "BTC");
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(order.filledQuantity()).isEqualByComparingTo("0.004");
        assertThat(order.averagePrice()).isEqualByComparingTo("80005");
        assertThat(order.timeInForce()).isEqualTo(TimeInForce.POST_ONLY);
        assertThat(order.reduceOnly()).isTrue();

        EdgexMetaData meta = metadata();
        EdgexAdapters.OrderPlan plan = EdgexAdapters.orderPlan(VenueRestApi.newMapper(),
                OrderRequest.limit("c-1", "BTC", Side.BUY, new BigDecimal("0.010"), new BigDecimal("76000.5"),
                        TimeInForce.GTC), meta.contractList().get(0), meta.coinList().get(0), 42L,
                new BigDecimal("76000.5"), NOW);
        // value 760.005, fee limit ceil(760.005 × 0.00055) = 1; resolutions 10^10 and 10^6
        assertThat(plan.body().path("l2Value").asText()).isEqualTo("760.005");
        assertThat(plan.body().path("l2LimitFee").asText()).isEqualTo("1");
        assertThat(plan.params().amountSynthetic()).isEqualTo(BigInteger.valueOf(100_000_000L));
        assertThat(plan.params().amountCollateral()).isEqualTo(BigInteger.valueOf(760_005_000L));
        assertThat(plan.params().amountFee()).isEqualTo(BigInteger.valueOf(1_000_000L));
        assertThat(plan.params().expirationSeconds() * 1000).isEqualTo(NOW.plus(EdgexAdapters.L2_EXPIRY)
                .minus(EdgexAdapters.L1_OFFSET).toEpochMilli());
        assertThat(plan.body().path("timeInForce").asText()).isEqualTo("GOOD_TIL_CANCEL");
    }

    @Test
    void bothErrorWrappersBecomeTypedErrors() {
        EdgexErrors errors = new EdgexErrors("edgex", VenueRestApi.newMapper());
        VenueRequest submit = new VenueRequest("POST", "/api/v2/private/order/createOrder", "", "{}",
                "application/json", Map.of(), 1, "c-9");
        EdgexResponse<Object> refused = PAYLOADS.read("error-200.json",
                new TypeReference<EdgexResponse<Object>>() { });
        assertThat(refused.ok()).isFalse();
        assertThat(errors.of(submit, refused.code(), refused.msg(), 200)).isInstanceOf(InsufficientMarginException.class);
        assertThat(errors.decode(VenueRequest.get("/api/v2/private/account/getAccountAsset", ""),
                new VenueResponse(400, Map.of(), "{\"code\":\"SYSTEM_BUSY\",\"data\":null,\"msg\":\"try later\"}")))
                .isInstanceOf(VenueUnavailableException.class);
    }
}
