package dev.perpflow.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SymbolMapperTest {

    @ParameterizedTest(name = "{0} → {1} ×{2}")
    @CsvSource({
        "BTC, BTC, 1",
        "BTCUSDT, BTC, 1",
        "ETH-USD-PERP, ETH, 1",
        "BTC_USDT_Perp, BTC, 1",
        "SOL_USDC_PERP, SOL, 1",
        "BTC-PERP, BTC, 1",
        "BTCUSD, BTC, 1",
        "1000BONKUSDT, BONK, 1000",
        "1000BONK, BONK, 1000",
        "1000000MOGUSDT, MOG, 1000000",
        "kBONK, BONK, 1000",
        "kPEPE, PEPE, 1000",
        "KAVA, KAVA, 1",
        "KNCUSDT, KNC, 1",
        "2Z, 2Z, 1",
        "2ZUSDT, 2Z, 1",
        "Z, Z, 1",
        "ZUSDT, Z, 1",
        "1INCH, 1INCH, 1",
        "1INCHUSDT, 1INCH, 1",
        "AI16Z, AI16Z, 1",
        "AI16Z-USD-PERP, AI16Z, 1",
        "CC, CC, 1",
        "1000SATS_USDC_PERP, SATS, 1000",
        "btcusdt, BTC, 1"
    })
    void normalizesVenueMarketNames(String venueSymbol, String symbol, long multiplier) {
        SymbolMapper.NormalizedSymbol normalized = SymbolMapper.normalize(venueSymbol);
        assertThat(normalized.symbol()).isEqualTo(symbol);
        assertThat(normalized.multiplier()).isEqualByComparingTo(String.valueOf(multiplier));
    }

    @Test
    void twoZAndZAreDifferentSymbols() {
        assertThat(SymbolMapper.normalize("2ZUSDT").symbol()).isNotEqualTo(SymbolMapper.normalize("ZUSDT").symbol());
    }

    @ParameterizedTest(name = "{0} on {1} → {2}")
    @CsvSource({
        "BTC, ASTER, BTCUSDT",
        "BTC, BACKPACK, BTC_USDC_PERP",
        "BTC, PARADEX, BTC-USD-PERP",
        "BTC, GRVT, BTC_USDT_Perp",
        "BTC, EDGEX, BTCUSD",
        "BTC, LIGHTER, BTC",
        "BTC, HYPERLIQUID, BTC",
        "BONK, ASTER, 1000BONKUSDT",
        "BONK, LIGHTER, kBONK",
        "2Z, ASTER, 2ZUSDT",
        "Z, ASTER, ZUSDT"
    })
    void findsTheFormTheVenueLists(String symbol, VenueSymbolFormat format, String expected) {
        List<String> markets = List.of("BTCUSDT", "1000BONKUSDT", "2ZUSDT", "ZUSDT", "kBONK", "BTC");
        assertThat(SymbolMapper.toVenueSymbol(symbol, format, markets)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"1000BONKUSDT, ASTER", "kPEPE, LIGHTER", "ETH-USD-PERP, PARADEX", "2ZUSDT, ASTER", "1INCHUSDT, ASTER"})
    void roundTripsThroughTheVenueForm(String venueSymbol, VenueSymbolFormat format) {
        String symbol = SymbolMapper.normalize(venueSymbol).symbol();
        assertThat(SymbolMapper.toVenueSymbol(symbol, format, List.of(venueSymbol))).isEqualTo(venueSymbol);
    }

    @Test
    void unknownVenuesUseTheBareSymbol() {
        assertThat(VenueSymbolFormat.of("sim-a")).isEqualTo(VenueSymbolFormat.SIM);
        assertThat(VenueSymbolFormat.of("Aster")).isEqualTo(VenueSymbolFormat.ASTER);
    }

    @Test
    void blankNamesAreRejected() {
        assertThatThrownBy(() -> SymbolMapper.normalize(" ")).hasMessageContaining("market name");
    }
}
