package dev.perpflow.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perpflow.app.accounts.AccountsException;
import dev.perpflow.app.persistence.TestDatabase;
import dev.perpflow.app.startup.StartupException;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppSecretsTest {

    private TestDatabase db;

    @BeforeAll
    void start() {
        db = TestDatabase.start();
    }

    @AfterAll
    void stop() {
        db.close();
    }

    @Test
    void theFirstKeyIsRecordedAndAWrongOneLaterStopsStartup() {
        String key = MasterKey.generate();
        AppSecrets first = AppSecrets.configure("live", Optional.of(key), db.database().dataSource(), Clock.systemUTC());
        assertThat(first.available()).isTrue();
        assertThat(AppSecrets.configure("live", Optional.of(key), db.database().dataSource(), Clock.systemUTC())
                .available()).as("the same key again").isTrue();

        assertThatThrownBy(() -> AppSecrets.configure("live", Optional.of(MasterKey.generate()),
                db.database().dataSource(), Clock.systemUTC()))
                .isInstanceOf(StartupException.class).hasMessageContaining("is not the key this database");
    }

    @Test
    void withoutAKeyOnlyTheLiveProfileRefusesToStart() {
        assertThatThrownBy(() -> AppSecrets.configure("live", Optional.empty(), db.database().dataSource(),
                Clock.systemUTC())).isInstanceOf(StartupException.class).hasMessageContaining("PERPFLOW_MASTER_KEY");

        AppSecrets dev = AppSecrets.configure("dev", Optional.empty(), db.database().dataSource(), Clock.systemUTC());
        assertThat(dev.available()).isFalse();
        assertThatThrownBy(dev::box).isInstanceOf(AccountsException.class).hasMessageContaining("PERPFLOW_MASTER_KEY");
    }
}
