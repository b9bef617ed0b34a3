package dev.perpflow.component.hyperliquid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.testkit.component.GeneratedComponentSources;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed configurers, catalog JSON and doc page are what the annotations generate now. */
class HyperliquidGeneratedSourcesAreCurrentTest {

    @Test
    void committedGeneratedSourcesAndTheDocPageMatchTheAnnotations() {
        assertThat(GeneratedComponentSources.check(Path.of("").toAbsolutePath(), "hyperliquid")).isEmpty();
    }
}
