package dev.perpflow.app.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Base of every leaf command: its output and the CLI's context. */
abstract class CliCommand implements Runnable {

    @Spec
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    CliContext context() {
        return ((PerpflowCli) spec.root().userObject()).context;
    }
}
