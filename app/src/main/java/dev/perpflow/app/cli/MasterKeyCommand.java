package dev.perpflow.app.cli;

import dev.perpflow.app.accounts.AccountsException;
import dev.perpflow.app.security.KeyRotation;
import dev.perpflow.app.security.MasterKey;
import dev.perpflow.app.security.SecretBox;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "master-key", description = "The key that encrypts stored secrets (PERPFLOW_MASTER_KEY).",
         subcommands = {MasterKeyCommand.Generate.class, MasterKeyCommand.Rotate.class})
final class MasterKeyCommand {

    static final String NEW_KEY_VARIABLE = "PERPFLOW_NEW_MASTER_KEY";

    @Command(name = "generate", description = "Print a new random master key (32 bytes, base64).")
    static final class Generate extends CliCommand {

        @Override
        public void run() {
            out().println(MasterKey.generate());
            spec.commandLine().getErr().println("store it where only perpflow reads it and set PERPFLOW_MASTER_KEY; "
                    + "losing it makes every stored credential unreadable");
        }
    }

    @Command(name = "rotate", description = "Re-encrypt every stored secret from PERPFLOW_MASTER_KEY to "
            + NEW_KEY_VARIABLE + ", in one transaction.")
    static final class Rotate extends CliCommand {

        @Override
        public void run() {
            String newKey = context().environment().env(NEW_KEY_VARIABLE);
            if (newKey == null || newKey.isBlank()) {
                throw new AccountsException("set " + NEW_KEY_VARIABLE + " to the new key (and PERPFLOW_MASTER_KEY to "
                        + "the current one); 'master-key generate' prints a new key");
            }
            SecretBox oldBox = context().secrets();
            SecretBox newBox;
            try {
                newBox = new SecretBox(dev.perpflow.app.security.MasterKey.parse(newKey));
            } catch (dev.perpflow.app.security.MasterKey.InvalidMasterKeyException e) {
                // the message names PERPFLOW_MASTER_KEY; here it is the new key that is wrong
                throw new AccountsException(NEW_KEY_VARIABLE + " is not a valid master key ("
                        + e.getMessage().replace("PERPFLOW_MASTER_KEY", NEW_KEY_VARIABLE) + "); nothing was changed, "
                        + "PERPFLOW_MASTER_KEY is still the key in use");
            }
            KeyRotation.Result result = KeyRotation.rotate(context().dataSource(), oldBox, newBox);
            context().audit().record(context().actor(), "master_key_rotated", null,
                    Map.of("credentials", result.credentials(), "proxies", result.proxies()));
            out().printf("re-encrypted %d credential set(s) and %d proxy login(s) under the new key; set "
                    + "PERPFLOW_MASTER_KEY to the value of %s before the next start%n", result.credentials(),
                    result.proxies(), NEW_KEY_VARIABLE);
        }
    }
}
