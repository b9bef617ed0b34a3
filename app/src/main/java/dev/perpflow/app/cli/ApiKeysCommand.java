package dev.perpflow.app.cli;

import dev.perpflow.app.accounts.AccountsException;
import dev.perpflow.app.accounts.ApiKeyRepository;
import dev.perpflow.app.accounts.UserRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "api-keys", description = "Create, list and revoke API keys (control API, Telegram /auth).",
         subcommands = {ApiKeysCommand.Create.class, ApiKeysCommand.ListKeys.class, ApiKeysCommand.Revoke.class})
final class ApiKeysCommand {

    @Command(name = "create", description = "Create a key for a user; the key is printed once and never again.")
    static final class Create extends CliCommand {

        @Option(names = "--user", required = true, paramLabel = "USERNAME")
        String username;

        @Option(names = "--name", required = true, description = "What the key is for, e.g. telegram or laptop.")
        String name;

        @Option(names = "--expires-days", paramLabel = "DAYS", description = "Days until the key stops working.")
        Integer expiresDays;

        @Override
        public void run() {
            if (expiresDays != null && expiresDays < 1) {
                throw new AccountsException("--expires-days must be at least 1");
            }
            UserRepository.User user = context().users().require(username);
            Instant expires = expiresDays == null ? null : context().clock().instant().plus(Duration.ofDays(expiresDays));
            ApiKeyRepository.Created created = context().apiKeys().create(user, name, expires, context().actor());
            out().printf("created API key %d '%s' for %s%s%n", created.info().id(), name, user.username(),
                    expires == null ? "" : " (expires " + expires + ")");
            out().println("key (shown once, store it now): " + created.key());
        }
    }

    @Command(name = "list", description = "List keys (prefix only, never the key).")
    static final class ListKeys extends CliCommand {

        @Option(names = "--user", paramLabel = "USERNAME", description = "Only this user's keys.")
        String username;

        @Override
        public void run() {
            Long userId = username == null ? null : context().users().require(username).id();
            List<ApiKeyRepository.KeyInfo> keys = context().apiKeys().list(userId);
            if (keys.isEmpty()) {
                out().println("no API keys" + (username == null ? "" : " for " + username));
                return;
            }
            Instant now = context().clock().instant();
            out().printf("%-5s %-16s %-16s %-14s %-8s %-24s %s%n", "ID", "USER", "NAME", "PREFIX", "STATE",
                    "EXPIRES", "LAST USED");
            for (ApiKeyRepository.KeyInfo key : keys) {
                out().printf("%-5d %-16s %-16s %-14s %-8s %-24s %s%n", key.id(), key.username(), key.name(),
                        key.prefix() + "…", key.state(now), key.expiresAt() == null ? "never" : key.expiresAt(),
                        key.lastUsedAt() == null ? "never" : key.lastUsedAt());
            }
        }
    }

    @Command(name = "revoke", description = "Revoke a key by id or prefix; it stops working at once.")
    static final class Revoke extends CliCommand {

        @Parameters(index = "0", paramLabel = "ID_OR_PREFIX")
        String key;

        @Override
        public void run() {
            ApiKeyRepository.KeyInfo revoked = context().apiKeys().revoke(key, context().actor());
            out().printf("revoked API key %d (%s…) of %s%n", revoked.id(), revoked.prefix(), revoked.username());
        }
    }
}
