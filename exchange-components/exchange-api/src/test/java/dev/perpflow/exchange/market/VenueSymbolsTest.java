package dev.perpflow.exchange.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Market names to symbols and multipliers, for a suffix-and-prefix naming like Paradex's and EdgeX's. */
class VenueSymbolsTest {

    @Test
    void baseSuffixAndThousandsPrefix() {
        VenueSymbols paradex = VenueSymbols.of("k", "-USD-PERP");
        assertThat(paradex.parse("BTC-USD-PERP")).contains(new VenueSymbols.Parsed("BTC", BigDecimal.ONE));
        assertThat(paradex.parse("kBONK-USD-PERP")).contains(new VenueSymbols.Parsed("BONK", BigDecimal.valueOf(1000)));
        assertThat(paradex.parse("BTC-USD-100000-C")).isEmpty();
        assertThat(paradex.parse("-USD-PERP")).isEmpty();
        assertThat(paradex.parse("btc-USD-PERP")).isEmpty();
        assertThat(paradex.parse(null)).isEmpty();

        VenueSymbols edgex = VenueSymbols.of("1000", "USD", "USDT");
        assertThat(edgex.parse("ETHUSDT")).contains(new VenueSymbols.Parsed("ETH", BigDecimal.ONE));
        assertThat(edgex.parse("1000PEPEUSD")).contains(new VenueSymbols.Parsed("PEPE", BigDecimal.valueOf(1000)));
        assertThat(edgex.parse("1000000MOGUSD")).contains(new VenueSymbols.Parsed("1000000MOG", BigDecimal.ONE));
        assertThat(edgex.parse("USDT")).isEmpty();
    }
}
