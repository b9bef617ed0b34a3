package dev.perpflow.app.api;

import dev.perpflow.app.control.Refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueryParametersTest {

    @Test
    void periodMustBeDaysEndingWithD() {
        assertThat(QueryParameters.periodDays("period", null, 7)).isEqualTo(7);
        assertThat(QueryParameters.periodDays("period", "30d", 7)).isEqualTo(30);
        assertThatThrownBy(() -> QueryParameters.periodDays("period", "invalid", 7))
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.field()).isEqualTo("period"))
                .hasMessageContaining("7d");
        assertThatThrownBy(() -> QueryParameters.periodDays("period", "0d", 7)).hasMessageContaining("between 1d");
    }

    @Test
    void integersAreRangeChecked() {
        assertThat(QueryParameters.integer("limit", "", 10, 1, 100)).isEqualTo(10);
        assertThatThrownBy(() -> QueryParameters.integer("limit", "101", 10, 1, 100))
                .hasMessage("limit must be between 1 and 100, was 101");
        assertThatThrownBy(() -> QueryParameters.integer("limit", "ten", 10, 1, 100))
                .hasMessageContaining("whole number");
    }

    @Test
    void listsAreLowerCasedAndTrimmed() {
        assertThat(QueryParameters.lowerCaseList(" Aster, ,LIGHTER ")).containsExactly("aster", "lighter");
    }

    @Test
    void requiredParametersAreNamed() {
        assertThatThrownBy(() -> QueryParameters.required("dex1", " ")).hasMessage("dex1 is required");
    }
}
