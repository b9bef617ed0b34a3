package dev.perpflow.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perpflow.app.startup.StartupException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PerpflowSettingsValidationTest {

    private final Map<String, String> properties = new HashMap<>();

    private PerpflowSettings read(String profile) {
        return PerpflowSettings.read(profile, new PropertyReader(key -> Optional.ofNullable(properties.get(key))));
    }

    @Test
    void defaultsAreTheContractValues() {
        PerpflowSettings settings = read(null);
        assertThat(settings.profile()).isEqualTo("dev");
        assertThat(settings.http()).isEqualTo(new HttpSettings("127.0.0.1", 8080));
        assertThat(settings.db().embedded()).isTrue();
        assertThat(settings.dataDir().toString()).endsWith("data");
        assertThat(settings.enabledVenues()).isEmpty();
    }

    @Test
    void unknownProfileListsTheKnownOnes() {
        assertThatThrownBy(() -> read("prod")).isInstanceOf(StartupException.class)
                .hasMessageContaining("unknown profile 'prod'").hasMessageContaining("dev, paper, live, test");
    }

    @Test
    void portOutOfRangeNamesKeyAndEnvironmentVariable() {
        properties.put("perpflow.http.port", "70000");
        assertThatThrownBy(() -> read("dev"))
                .hasMessage("invalid value '70000' for perpflow.http.port (env PERPFLOW_HTTP_PORT): expected a whole "
                        + "number from 1 to 65535");
    }

    @Test
    void databaseUrlMustBePostgres() {
        properties.put("perpflow.db.url", "jdbc:mysql://localhost/x");
        assertThatThrownBy(() -> read("dev")).hasMessageContaining("perpflow.db.url")
                .hasMessageContaining("PERPFLOW_DB_URL");
    }

    @Test
    void databasePasswordNeverAppearsInToString() {
        properties.put("perpflow.db.url", "jdbc:postgresql://db:5432/perpflow");
        properties.put("perpflow.db.password", "hunter2");
        assertThat(read("dev").db().toString()).doesNotContain("hunter2").contains("password=***");
    }

    @Test
    void simVenuesAreEnabledByDefaultWithPerVenuePollPeriod() {
        properties.put("perpflow.sim.venues", "sim-a, sim-b");
        properties.put("perpflow.funding.poll-seconds", "15");
        properties.put("perpflow.venues.sim-b.poll-seconds", "5");
        properties.put("perpflow.venues.sim-b.enabled", "false");
        PerpflowSettings settings = read("dev");
        assertThat(settings.enabledVenues()).extracting(VenueSettings::name).containsExactly("sim-a");
        assertThat(settings.enabledVenues().get(0).pollInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(settings.venues()).filteredOn(v -> v.name().equals("sim-b")).singleElement()
                .extracting(VenueSettings::pollInterval).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void simVenueNamesMustBeValidSchemesAndUnique() {
        properties.put("perpflow.sim.venues", "Sim A");
        assertThatThrownBy(() -> read("dev")).hasMessageContaining("invalid value 'Sim A' for perpflow.sim.venues");
        properties.put("perpflow.sim.venues", "sim-a,sim-a");
        assertThatThrownBy(() -> read("dev")).hasMessageContaining("'sim-a' is used twice");
        properties.put("perpflow.sim.venues", "aster");
        assertThatThrownBy(() -> read("dev")).hasMessageContaining("clashes with a real venue");
    }

    @Test
    void booleansAreStrict() {
        properties.put("perpflow.venues.aster.enabled", "yes please");
        assertThatThrownBy(() -> read("dev")).hasMessageContaining("perpflow.venues.aster.enabled")
                .hasMessageContaining("PERPFLOW_VENUES_ASTER_ENABLED").hasMessageContaining("true or false");
    }

    @Test
    void realVenuesDefaultToProductionUrls() {
        assertThat(read("dev").venues()).filteredOn(v -> v.name().equals("aster")).singleElement()
                .satisfies(v -> {
                    assertThat(v.restUrl()).isEqualTo("https://fapi.asterdex.com");
                    assertThat(v.enabled()).isFalse();
                });
    }
}
