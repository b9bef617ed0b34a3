package dev.perpflow.app.cli;

import dev.perpflow.app.accounts.UserRepository;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "users", description = "Create and list perpflow users; end a user's Telegram link.",
         subcommands = {UsersCommand.Create.class, UsersCommand.ListUsers.class, UsersCommand.UnlinkTelegram.class})
final class UsersCommand {

    @Command(name = "create", description = "Create a user.")
    static final class Create extends CliCommand {

        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Option(names = "--admin", description = "The user administers every account.")
        boolean admin;

        @Override
        public void run() {
            UserRepository.User user = context().users().create(username, admin);
            context().audit().record(context().actor(), "user_created", user.username(), Map.of("admin", admin));
            out().printf("created user %s (id %d%s)%n", user.username(), user.id(), admin ? ", admin" : "");
        }
    }

    @Command(name = "list", description = "List users.")
    static final class ListUsers extends CliCommand {

        @Override
        public void run() {
            List<UserRepository.User> users = context().users().all();
            if (users.isEmpty()) {
                out().println("no users yet: create one with 'users create <name> [--admin]'");
                return;
            }
            out().printf("%-6s %-24s %-6s %-14s %s%n", "ID", "USERNAME", "ADMIN", "TELEGRAM", "CREATED");
            for (UserRepository.User user : users) {
                out().printf("%-6d %-24s %-6s %-14s %s%n", user.id(), user.username(), user.admin() ? "yes" : "no",
                        user.telegramUserId() == null ? "-" : user.telegramUserId(), user.createdAt());
            }
        }
    }

    @Command(name = "unlink-telegram", description = "End a user's Telegram link (a lost or taken-over Telegram "
            + "account); the user links again with /auth.")
    static final class UnlinkTelegram extends CliCommand {

        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Override
        public void run() {
            UserRepository.User user = context().users().require(username);
            if (user.telegramUserId() == null) {
                throw new dev.perpflow.app.accounts.AccountsException(username + " has no Telegram link");
            }
            context().users().unlinkTelegram(user.telegramUserId());
            context().audit().record(context().actor(), "telegram_unlinked", user.username(),
                    Map.of("telegram_user_id", user.telegramUserId(), "by", "admin CLI"));
            out().printf("ended the Telegram link of %s (Telegram user %d)%n", user.username(), user.telegramUserId());
        }
    }
}
