package dev.perpflow.app.config;

/**
 * Database connection ({@code perpflow.db.*}). An empty URL means the embedded PostgreSQL under the data dir, which
 * ignores the user and password here: it admits only its superuser with the password stored in its data dir.
 * The password never appears in {@link #toString()}.
 */
public record DatabaseSettings(String url, String user, String password) {

    static DatabaseSettings read(PropertyReader properties) {
        String url = properties.string("perpflow.db.url", "");
        if (!url.isEmpty() && !url.startsWith("jdbc:postgresql:")) {
            throw PropertyReader.invalid("perpflow.db.url", url,
                    "a PostgreSQL JDBC URL like jdbc:postgresql://host:5432/perpflow, or empty for the embedded database");
        }
        return new DatabaseSettings(url, properties.string("perpflow.db.user", "postgres"),
                properties.string("perpflow.db.password", ""));
    }

    public boolean embedded() {
        return url.isEmpty();
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + (embedded() ? "<embedded>" : url) + ", user=" + user + ", password=***]";
    }
}
