package dev.perpflow.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void keysHaveTheSeedsFormatAndALookupPrefix() {
        String key = ApiKeys.generate();

        assertThat(key).matches("perp_[0-9a-f]{32}");
        assertThat(ApiKeys.looksLikeKey(key)).isTrue();
        assertThat(ApiKeys.lookupPrefix(key)).hasSize(ApiKeys.PREFIX_LENGTH).isEqualTo(key.substring(0, 12));
        assertThat(ApiKeys.generate()).isNotEqualTo(key);
    }

    @Test
    void hashesAreSaltedSlowAndVerifyOnlyTheRightKey() {
        String key = ApiKeys.generate();

        String hash = ApiKeys.hash(key);

        assertThat(hash).startsWith("pbkdf2-sha256$" + ApiKeys.ITERATIONS + "$").doesNotContain(key);
        assertThat(ApiKeys.hash(key)).isNotEqualTo(hash);
        assertThat(ApiKeys.matches(key, hash)).isTrue();
        assertThat(ApiKeys.matches(ApiKeys.generate(), hash)).isFalse();
        assertThat(ApiKeys.matches(key, "md5$abc")).isFalse();
        assertThat(ApiKeys.matches(key, "pbkdf2-sha256$x$y$z")).isFalse();
    }
}
