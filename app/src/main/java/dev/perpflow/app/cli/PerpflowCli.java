package dev.perpflow.app.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.perpflow.app.accounts.AccountsException;
import dev.perpflow.app.security.MasterKeyCheck;
import dev.perpflow.app.security.SecretBox;
import dev.perpflow.app.startup.StartupException;
import java.io.PrintWriter;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * perpflow's admin CLI: users, API keys, accounts, venue credentials, proxies, database migration and the master
 * key. Run with {@code mvn -B -q -pl app exec:java -Dexec.args="users list"}. Every command prints one clear result,
 * exits 1 with a message on bad input (2 for a usage error) and never prints a secret it was given.
 */
@Command(name = "perpflow", mixinStandardHelpOptions = true, version = "perpflow 0.1.0",
         description = "perpflow administration: users, API keys, accounts, credentials, proxies, database, master key.",
         subcommands = {UsersCommand.class, ApiKeysCommand.class, AccountsCommand.class, CredentialsCommand.class,
                 ProxiesCommand.class, DbCommand.class, MasterKeyCommand.class})
public final class PerpflowCli implements Runnable {

    public static final int EXIT_BAD_INPUT = 1;

    final CliContext context;

    PerpflowCli(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "choose a command (see --help)");
    }

    public static void main(String[] args) {
        quietLogging();
        try (CliContext context = new CliContext(CliEnvironment.system(), System.in)) {
            int status = execute(context, args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
            context.close();
            System.exit(status);
        }
    }

    /** Runs one command line; returns the exit status. */
    static int execute(CliContext context, String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new PerpflowCli(context));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, line, parsed) -> {
            line.getErr().println("error: " + message(exception));
            return EXIT_BAD_INPUT;
        });
        return commandLine.execute(args);
    }

    private static String message(Exception exception) {
        if (exception instanceof AccountsException || exception instanceof StartupException
                || exception instanceof MasterKeyCheck.WrongMasterKeyException
                || exception instanceof SecretBox.DecryptionException) {
            return exception.getMessage();
        }
        return exception.getClass().getSimpleName() + ": " + exception.getMessage();
    }

    private static void quietLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
            logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
        }
    }
}
