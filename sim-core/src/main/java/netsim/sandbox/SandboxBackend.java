package netsim.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import netsim.model.KernelProfile;
import netsim.run.Backend;
import netsim.run.BackendUnavailableException;
import netsim.run.LineResult;
import netsim.script.Language;
import netsim.script.Script;
import netsim.script.ScriptLine;

/**
 * The ground truth: runs a scenario on this machine's kernel, inside a private sandbox made for
 * that one run, and reports per line the exit status, stdout and stderr.
 *
 * <p>The kernel backend is dangerous, so it is caged three times over. (1) Every line is checked
 * against the scenario language here and again inside the sandbox; a refused line never runs,
 * and only the language's commands can. (2) Lines run as argument vectors, never as shell strings
 * built from the script (see {@link AgentCommand}). (3) Everything runs in fresh network, mount
 * and PID namespaces with {@code /proc/sys} read-only outside {@code net}; when the run ends, or
 * this JVM dies in any way, the sandbox and all it made go with it (see {@link SandboxAgent}).
 * Each {@link #run} gets a fresh sandbox, whose first network namespace plays the host.
 */
public final class SandboxBackend implements Backend {

  private static KernelProfile profile;

  /** Told of every line just before it goes into the sandbox; tests use it to see what ran. */
  private final Consumer<ScriptLine> onSend;

  public SandboxBackend() {
    this(line -> {});
  }

  SandboxBackend(Consumer<ScriptLine> onSend) {
    this.onSend = onSend;
  }

  @Override
  public String name() {
    return "kernel";
  }

  /** Empty when this machine can run the kernel backend; otherwise what is missing. */
  public static Optional<String> unavailableReason() {
    return HostCheck.unavailableReason();
  }

  /** What this kernel offers; detected once per JVM, in a sandbox of its own. */
  public KernelProfile profile() throws BackendUnavailableException {
    synchronized (SandboxBackend.class) {
      if (profile == null) {
        profile = KernelProbe.detect(this);
      }
      return profile;
    }
  }

  @Override
  public List<LineResult> run(Script script) throws BackendUnavailableException {
    Optional<String> why = unavailableReason();
    if (why.isPresent()) {
      throw new BackendUnavailableException(why.get());
    }
    List<LineResult> results = new ArrayList<>();
    try (SandboxSession sandbox = SandboxSession.open()) {
      for (ScriptLine line : script.lines()) {
        results.add(run(sandbox, line));
      }
    }
    return results;
  }

  /** Runs one line in an open sandbox: checked, sent, and its result as a backend reports it. */
  LineResult run(SandboxSession sandbox, ScriptLine line)
      throws BackendUnavailableException {
    if (line.isRefused()) {
      return LineResult.refused(line);
    }
    String why = Language.check(line.argv(), line.redirect(), line.file());
    if (why == null) {
      onSend.accept(line);
      AgentProtocol.Reply reply = sandbox.run(line);
      if (reply.refusal() == null) {
        return new LineResult(line.line(), line.text(),
            LineResult.applyNegation(line, reply.status()), reply.stdout(), reply.stderr());
      }
      why = reply.refusal();
    }
    return LineResult.refused(ScriptLine.refused(line.file(), line.line(), line.text(), why));
  }
}
