package dev.perpflow.exchange.auth;

import java.util.Objects;

/**
 * A credential value (API secret, private key). It prints as {@code ***} everywhere (logs, {@code toString()} of
 * the records that hold it, exception messages); code that signs calls {@link #reveal()} at the point of use.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Wraps a non-blank value. */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a secret cannot be blank");
        }
        return new Secret(value.strip());
    }

    public String reveal() {
        return value;
    }

    /** Same value (compared in constant time): two configurations holding one key are the same account. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that && java.security.MessageDigest.isEqual(
                value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                that.value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.length();
    }

    @Override
    public String toString() {
        return "***";
    }
}
