package netsim.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code netsim}: the simulator's command line. Each subcommand is a thin layer over sim-core.
 * Exit statuses: each command documents its own; a usage error is 2.
 */
@Command(
    name = "netsim",
    mixinStandardHelpOptions = true,
    version = "netsim 0.1.0",
    description = "Predicts what Linux networking commands do, without root and without a"
        + " kernel, and checks the prediction against the real kernel.",
    subcommands = {RunCommand.class, MatrixCommand.class, TraceCommand.class, DiffCommand.class})
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    // stdout is buffered (a matrix prints a line per probe; commands flush where order with
    // stderr matters); stderr goes out at once
    PrintWriter out = new PrintWriter(new java.io.BufferedWriter(new java.io.OutputStreamWriter(
        new java.io.FileOutputStream(java.io.FileDescriptor.out),
        java.nio.charset.StandardCharsets.UTF_8), 1 << 16), false);
    System.exit(execute(out, new PrintWriter(System.err, true), args));
  }

  /** Runs the command line in-process with the given streams (tests use this). */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((ex, line, parsed) -> {
      err.println("netsim: " + ex.getMessage());
      return 70;
    });
    int rc = cl.execute(args);
    out.flush();
    err.flush();
    return rc;
  }
}
