package dev.perpflow.app.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.BindException;
import org.junit.jupiter.api.Test;

class StartupFailuresTest {

    @Test
    void aStartupExceptionAnywhereInTheChainIsShownAsIs() {
        Exception wrapped = new RuntimeException("boom", new IllegalStateException("x", new StartupException("fix it")));
        assertThat(StartupFailures.describe(wrapped)).isEqualTo("fix it");
    }

    @Test
    void bindFailuresPointAtThePortSetting() {
        assertThat(StartupFailures.describe(new RuntimeException(new BindException("Address already in use"))))
                .contains("perpflow.http.port");
    }

    @Test
    void yamlFailuresKeepOnlyTheFirstLine() {
        String message = StartupFailures.describe(
                new RuntimeException("Cannot load file:routes/x.camel.yaml\n  line 3\n  more"));
        assertThat(message).contains("x.camel.yaml").doesNotContain("line 3");
    }
}
