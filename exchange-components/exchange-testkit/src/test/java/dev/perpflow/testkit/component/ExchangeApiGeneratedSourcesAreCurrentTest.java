package dev.perpflow.testkit.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * exchange-api's generated type-converter loader (for {@code PerpTypeConverters}) is what its annotations generate
 * now. Checked from here because exchange-api's own tests cannot use the testkit (which depends on it); the reactor
 * builds exchange-api first.
 */
class ExchangeApiGeneratedSourcesAreCurrentTest {

    @Test
    void committedGeneratedSourcesMatchTheAnnotations() {
        assertThat(GeneratedComponentSources.check(Path.of("../exchange-api").toAbsolutePath().normalize(), null))
                .isEmpty();
    }
}
