package dev.perpflow.app.accounts;

/**
 * Who is calling: a user authenticated by an API key, or the bootstrap admin ({@code PERPFLOW_API_KEY}), which has
 * no user row ({@code userId} null).
 */
public record Principal(Long userId, String username, boolean admin, Long keyId) {

    public static final String BOOTSTRAP = "bootstrap-admin";

    public static Principal bootstrap() {
        return new Principal(null, BOOTSTRAP, true, null);
    }

    public boolean isBootstrap() {
        return userId == null;
    }
}
