package dev.perpflow.app.cli;

import dev.perpflow.app.accounts.AccountRepository;
import dev.perpflow.app.accounts.AccountsException;
import dev.perpflow.app.accounts.CredentialStore;
import dev.perpflow.app.accounts.VenueCredentialFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "credentials", description = "An account's venue credentials (encrypted with PERPFLOW_MASTER_KEY).",
         subcommands = {CredentialsCommand.Set.class, CredentialsCommand.Remove.class, CredentialsCommand.ListFields.class})
final class CredentialsCommand {

    @Command(name = "set", description = "Store a venue's credentials for an account. Values are read from the "
            + "venue's environment variables (--from-env) or from standard input as field=value lines, never from "
            + "arguments.")
    static final class Set extends CliCommand {

        @Parameters(index = "0", paramLabel = "ACCOUNT")
        String accountName;

        @Parameters(index = "1", paramLabel = "VENUE")
        String venue;

        @Option(names = "--from-env", description = "Read the venue's variables, e.g. ASTER_API_KEY and ASTER_SECRET_KEY"
                + " (or an Aster API wallet: ASTER_USER, ASTER_SIGNER and ASTER_SIGNER_PRIVATE_KEY).")
        boolean fromEnv;

        @Override
        public void run() {
            List<VenueCredentialFields.Field> fields = VenueCredentialFields.of(venue);
            AccountRepository.Account account = context().accounts().requireAny(accountName);
            Map<String, String> values = fromEnv
                    ? VenueCredentialFields.fromEnvironment(venue, context().environment()::env) : fromStdin(fields);
            context().credentials().set(account, venue, values, context().actor());
            out().printf("stored %s credentials for %s/%s (fields: %s)%n", venue, account.owner(), account.name(),
                    String.join(", ", VenueCredentialFields.validate(venue, values).keySet()));
        }

        private Map<String, String> fromStdin(List<VenueCredentialFields.Field> fields) {
            Map<String, String> values = new LinkedHashMap<>();
            String line;
            int lineNumber = 0;
            while ((line = context().readLine()) != null) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int equals = line.indexOf('=');
                if (equals <= 0) {
                    throw new AccountsException("standard input line " + lineNumber + " is not field=value (fields: "
                            + String.join(", ", fields.stream().map(VenueCredentialFields.Field::name).toList()) + ")");
                }
                String field = line.substring(0, equals).strip();
                if (values.containsKey(field)) {
                    throw new AccountsException("standard input line " + lineNumber + " repeats the field " + field
                            + "; give each field once");
                }
                values.put(field, line.substring(equals + 1).strip());
            }
            if (values.isEmpty()) {
                throw new AccountsException("no credentials given: pipe field=value lines on standard input or use "
                        + "--from-env (fields: " + String.join(", ",
                        fields.stream().map(f -> f.name() + " (" + f.environmentVariable() + ")").toList()) + ")");
            }
            return values;
        }
    }

    @Command(name = "remove", description = "Remove a venue's credentials from an account.")
    static final class Remove extends CliCommand {

        @Parameters(index = "0", paramLabel = "ACCOUNT")
        String accountName;

        @Parameters(index = "1", paramLabel = "VENUE")
        String venue;

        @Override
        public void run() {
            VenueCredentialFields.of(venue);
            AccountRepository.Account account = context().accounts().requireAny(accountName);
            context().credentials().remove(account, venue, context().actor());
            out().printf("removed %s credentials from %s/%s%n", venue, account.owner(), account.name());
        }
    }

    @Command(name = "list", description = "Which venues an account has credentials for, and which fields (no values).")
    static final class ListFields extends CliCommand {

        @Parameters(index = "0", paramLabel = "ACCOUNT")
        String accountName;

        @Override
        public void run() {
            AccountRepository.Account account = context().accounts().requireAny(accountName);
            List<CredentialStore.Summary> summaries = context().credentials().summaries(account.id());
            if (summaries.isEmpty()) {
                out().printf("%s/%s has no venue credentials%n", account.owner(), account.name());
                return;
            }
            for (CredentialStore.Summary summary : summaries) {
                out().printf("%-12s fields: %s (updated %s)%n", summary.exchange(), String.join(", ", summary.fields()),
                        summary.updatedAt());
            }
        }
    }
}
