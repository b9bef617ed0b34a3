package dev.perpflow.component.grvt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perpflow.testkit.component.GeneratedComponentSources;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed configurers, catalog JSON and doc page are what the annotations generate now. */
class GrvtGeneratedSourcesAreCurrentTest {

    @Test
    void committedGeneratedSourcesAndTheDocPageMatchTheAnnotations() {
        assertThat(GeneratedComponentSources.check(Path.of("").toAbsolutePath(), "grvt")).isEmpty();
    }
}
