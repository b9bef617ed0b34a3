package dev.perpflow.app.cli;

import dev.perpflow.app.accounts.AccountRepository;
import dev.perpflow.app.accounts.AccountsException;
import dev.perpflow.app.accounts.CredentialStore;
import dev.perpflow.app.accounts.UserRepository;
import dev.perpflow.app.accounts.VenueCredentialFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "accounts", description = "Trading accounts owned by users.",
         subcommands = {AccountsCommand.Add.class, AccountsCommand.ListAccounts.class, AccountsCommand.Delete.class,
                AccountsCommand.Deactivate.class, AccountsCommand.Activate.class})
final class AccountsCommand {

    @Command(name = "add", description = "Add an account for a user; --from-env also stores the venue credentials "
            + "found in the environment (ASTER_API_KEY/ASTER_SECRET_KEY, BACKPACK_PUBLIC_KEY/BACKPACK_SECRET_KEY, ...).")
    static final class Add extends CliCommand {

        @Parameters(index = "0", paramLabel = "ACCOUNT")
        String name;

        @Option(names = "--user", required = true, paramLabel = "USERNAME", description = "The owner.")
        String username;

        @Option(names = "--description")
        String description;

        @Option(names = "--from-env", description = "Store every venue's credentials set in the environment.")
        boolean fromEnv;

        @Override
        public void run() {
            UserRepository.User owner = context().users().require(username);
            Map<String, Map<String, String>> imported = new LinkedHashMap<>();
            if (fromEnv) {
                for (String venue : VenueCredentialFields.venues()) {
                    Map<String, String> values = VenueCredentialFields.fromEnvironment(venue,
                            context().environment()::env);
                    if (!values.isEmpty()) {
                        imported.put(venue, VenueCredentialFields.validate(venue, values)); // all checked first
                    }
                }
                if (imported.isEmpty()) {
                    throw new AccountsException("--from-env: no venue credentials are set in the environment");
                }
                context().secrets(); // the master key is needed before anything is written
            }
            AccountRepository.Account account = context().accounts().create(owner, name, description,
                    context().actor());
            CredentialStore credentials = imported.isEmpty() ? null : context().credentials();
            imported.forEach((venue, values) -> credentials.set(account, venue, values, context().actor()));
            out().printf("created account %s for %s (id %d)%s%n", account.name(), owner.username(), account.id(),
                    imported.isEmpty() ? "" : " with credentials for " + String.join(", ", imported.keySet()));
        }
    }

    @Command(name = "list", description = "List accounts with the venues they have credentials for.")
    static final class ListAccounts extends CliCommand {

        @Option(names = "--user", paramLabel = "USERNAME", description = "Only this user's accounts.")
        String username;

        @Override
        public void run() {
            Long userId = username == null ? null : context().users().require(username).id();
            List<AccountRepository.Account> accounts = context().accounts().list(userId);
            if (accounts.isEmpty()) {
                out().println("no accounts yet: add one with 'accounts add <name> --user <owner>'");
                return;
            }
            out().printf("%-5s %-16s %-20s %-7s %s%n", "ID", "OWNER", "ACCOUNT", "ACTIVE", "CREDENTIALS");
            for (AccountRepository.Account account : accounts) {
                out().printf("%-5d %-16s %-20s %-7s %s%n", account.id(), account.owner(), account.name(),
                        account.active() ? "yes" : "no", venues(account));
            }
        }

        private String venues(AccountRepository.Account account) {
            if (context().environment().properties().optional("perpflow.master-key").isEmpty()) {
                return "(set PERPFLOW_MASTER_KEY to list)";
            }
            List<String> names = context().credentials().summaries(account.id()).stream()
                    .map(CredentialStore.Summary::exchange).toList();
            return names.isEmpty() ? "-" : String.join(", ", names);
        }
    }

    @Command(name = "delete", description = "Delete an account with its credentials and proxy assignments.")
    static final class Delete extends CliCommand {

        @Parameters(index = "0", paramLabel = "ACCOUNT", description = "name, or owner/name when several users use it")
        String name;

        @Option(names = "--yes", description = "Confirm the deletion.")
        boolean yes;

        @Override
        public void run() {
            AccountRepository.Account account = context().accounts().requireAny(name);
            List<String> inUse = context().accounts().inUse(account);
            if (!inUse.isEmpty()) {
                throw new AccountsException("cannot delete " + account.owner() + "/" + account.name() + " while it is "
                        + "in use: " + String.join("; ", inUse) + ". Stop its runs (closing their positions) first");
            }
            if (!yes) {
                throw new AccountsException("deleting " + account.owner() + "/" + account.name() + " removes its "
                        + "credentials and proxy assignments; run again with --yes to confirm");
            }
            context().accounts().delete(account, context().actor());
            out().printf("deleted account %s/%s%n", account.owner(), account.name());
        }
    }

    @Command(name = "deactivate", description = "Stop an account from trading (refused while it is in use).")
    static final class Deactivate extends CliCommand {

        @Parameters(index = "0", paramLabel = "ACCOUNT", description = "name, or owner/name when several users use it")
        String name;

        @Override
        public void run() {
            AccountRepository.Account account = context().accounts().requireAny(name);
            context().accounts().setActive(account, false, context().actor());
            out().printf("deactivated account %s/%s%n", account.owner(), account.name());
        }
    }

    @Command(name = "activate", description = "Let a deactivated account trade again.")
    static final class Activate extends CliCommand {

        @Parameters(index = "0", paramLabel = "ACCOUNT", description = "name, or owner/name when several users use it")
        String name;

        @Override
        public void run() {
            AccountRepository.Account account = context().accounts().requireAny(name);
            context().accounts().setActive(account, true, context().actor());
            out().printf("activated account %s/%s%n", account.owner(), account.name());
        }
    }
}
