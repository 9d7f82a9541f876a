package netsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import netsim.diff.Comparison;
import netsim.diff.DiffReport;
import netsim.diff.ReportJson;
import netsim.diff.ReportText;
import netsim.run.Backend;
import netsim.run.BackendUnavailableException;
import netsim.sandbox.SandboxBackend;
import netsim.script.ScriptParser;
import netsim.sim.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netsim diff [--json] FILE|DIR...}: runs each scenario on the real kernel (in a sandbox)
 * and on the simulator, and reports per file how many lines agree and, for each line that does
 * not, both results. Folders stand for all {@code *.sh} files under them, sorted.
 *
 * <p>Exit status: 0 when every line of every file agrees, 1 on any disagreement, 2 when the kernel
 * backend cannot run here (the message says what is missing) or a FILE cannot be read.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Runs scenarios on this machine's kernel (in a private sandbox; needs root) and on the"
          + " simulator, and compares them line by line: exit status, stdout and stderr, after"
          + " normalising random MACs, the link-local addresses made from them, round-trip times"
          + " and iptables-save dates.",
      "Exit status: 0 all lines agree, 1 some line disagrees, 2 the kernel backend cannot run"
          + " here or a file cannot be read."
    })
public final class DiffCommand implements Callable<Integer> {

  static final int AGREE = 0;
  static final int DISAGREE = 1;
  static final int CANNOT_RUN = 2;

  /** Where the two backends come from; tests give their own. */
  interface Backends {
    /** The reference: the kernel backend, or why it cannot run here. */
    Backend kernel() throws BackendUnavailableException;

    /** The candidate: the simulator, set up like the kernel that {@link #kernel} found. */
    Backend simulator() throws BackendUnavailableException;
  }

  @Option(names = "--json", description = "Print one JSON document instead of text.")
  boolean json;

  @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Scenarios, or folders of them.")
  List<Path> paths = new ArrayList<>();

  @Spec CommandSpec spec;

  private final Backends backends;

  public DiffCommand() {
    this(new RealBackends());
  }

  DiffCommand(Backends backends) {
    this.backends = backends;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Path> files;
    try {
      files = scenarios(paths);
    } catch (IOException e) {
      err.println("netsim diff: " + e.getMessage());
      return CANNOT_RUN;
    }
    Backend kernel;
    Backend sim;
    try {
      kernel = backends.kernel();
    } catch (BackendUnavailableException e) {
      err.println("netsim diff: the kernel backend cannot run here: " + e.getMessage());
      return CANNOT_RUN;
    }
    try {
      sim = backends.simulator();
    } catch (BackendUnavailableException e) {
      err.println("netsim diff: " + e.getMessage());
      return CANNOT_RUN;
    }
    List<DiffReport> reports = new ArrayList<>();
    boolean failed = false;
    for (Path file : files) {
      try {
        DiffReport report = Comparison.run(ScriptParser.parse(file.toString(), read(file)),
            kernel, sim);
        reports.add(report);
        if (!json) {
          out.print(ReportText.render(report));
          out.flush();
        }
      } catch (BackendUnavailableException | IOException e) {
        err.println("netsim diff: " + file + ": " + e.getMessage());
        return CANNOT_RUN;
      } catch (RuntimeException e) {
        // A backend's bug, not the user's: report it for this file and go on with the others.
        err.println("netsim diff: " + file + ": a backend failed: " + e);
        failed = true;
      }
    }
    if (json) {
      out.print(ReportJson.render(reports));
    } else if (reports.size() > 1) {
      int lines = reports.stream().mapToInt(DiffReport::lines).sum();
      int agreeing = reports.stream().mapToInt(DiffReport::agreeing).sum();
      int refused = reports.stream().mapToInt(DiffReport::refused).sum();
      out.println("total: " + agreeing + "/" + lines + " lines agree in " + reports.size()
          + " files" + (refused > 0 ? " (" + refused + " refused by the language, not run)" : ""));
    }
    out.flush();
    return !failed && reports.stream().allMatch(DiffReport::allAgree) ? AGREE : DISAGREE;
  }

  /** The files to run: each FILE, and each DIR's {@code *.sh} files, recursively and sorted. */
  static List<Path> scenarios(List<Path> paths) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".sh"))
              .sorted()
              .forEach(files::add);
        }
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        throw new IOException("no such file or folder: " + p);
      }
    }
    if (files.isEmpty()) {
      throw new IOException("no scenarios (*.sh) in " + paths);
    }
    return files;
  }

  private static String read(Path file) throws IOException {
    try {
      return Files.readString(file);
    } catch (MalformedInputException e) {
      throw new IOException(file + " is not UTF-8 text");
    }
  }

  /** The kernel in a sandbox, and the simulator with the profile the kernel's probe found. */
  static final class RealBackends implements Backends {
    private final SandboxBackend kernel = new SandboxBackend();

    @Override
    public Backend kernel() throws BackendUnavailableException {
      String why = SandboxBackend.unavailableReason().orElse(null);
      if (why != null) {
        throw new BackendUnavailableException(why);
      }
      return kernel;
    }

    @Override
    public Backend simulator() throws BackendUnavailableException {
      return new Simulator(kernel.profile());
    }
  }
}
