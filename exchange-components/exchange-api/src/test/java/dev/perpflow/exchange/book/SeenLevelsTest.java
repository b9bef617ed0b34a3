package dev.perpflow.exchange.book;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.exchange.model.PriceLevel;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A whole-book message removes the prices it no longer lists; changes and snapshots set what is held. */
class SeenLevelsTest {

    private static PriceLevel level(String price, String size) {
        return new PriceLevel(new BigDecimal(price), new BigDecimal(size));
    }

    @Test
    void aWholeBookRemovesWhatItNoLongerListsAndChangesAreTracked() {
        SeenLevels seen = new SeenLevels();
        seen.reset(List.of(level("100", "1"), level("99", "2")), List.of(level("101", "1")));
        seen.note(List.of(level("98", "3"), level("99", "0")), List.of());

        SeenLevels.Sides sides = seen.replace(List.of(level("100", "5")), List.of(level("102", "1")));

        assertThat(sides.bids()).containsExactlyInAnyOrder(level("100", "5"), level("98", "0"));
        assertThat(sides.asks()).containsExactlyInAnyOrder(level("102", "1"), level("101", "0"));
        SeenLevels.Sides again = seen.replace(List.of(), List.of());
        assertThat(again.bids()).containsExactly(level("100", "0"));
        assertThat(again.asks()).containsExactly(level("102", "0"));
    }
}
