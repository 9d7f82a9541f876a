package netsim.sim;

import java.util.ArrayList;
import java.util.List;
import netsim.cmd.Commands;
import netsim.cmd.Io;
import netsim.cmd.Proc;
import netsim.cmd.Shell;
import netsim.model.Cred;
import netsim.model.Kernel;
import netsim.model.KernelProfile;
import netsim.run.Backend;
import netsim.run.LineResult;
import netsim.script.Script;
import netsim.script.ScriptLine;

/**
 * The simulator backend: runs a scenario against a fresh in-memory {@link Kernel}, line by line,
 * as root in the host namespace, the way the kernel backend runs it in its sandbox.
 *
 * <p>No line can crash a run: a fault inside the model is reported on that line's stderr as an
 * internal error (status 70) and the run goes on.
 */
public final class Simulator implements Backend {
  /** The status of a line on which the simulator itself failed (EX_SOFTWARE). */
  public static final int INTERNAL_ERROR = 70;

  private final KernelProfile profile;
  private final long seed;
  private final java.util.Set<netsim.model.Fault> faults;

  public Simulator(KernelProfile profile) {
    this(profile, 1);
  }

  public Simulator(KernelProfile profile, long seed) {
    this(profile, seed, java.util.Set.of());
  }

  private Simulator(KernelProfile profile, long seed, java.util.Set<netsim.model.Fault> faults) {
    this.profile = profile;
    this.seed = seed;
    this.faults = java.util.Set.copyOf(faults);
  }

  /** The same simulator with a deliberate fault, to show that a comparison catches it. */
  public Simulator withFault(netsim.model.Fault f) {
    java.util.Set<netsim.model.Fault> all = new java.util.HashSet<>(faults);
    all.add(f);
    return new Simulator(profile, seed, all);
  }

  public Simulator() {
    this(KernelProfile.defaultProfile());
  }

  @Override
  public String name() {
    return "sim";
  }

  @Override
  public List<LineResult> run(Script script) {
    return newSession().runAll(script);
  }

  /** A fresh world to run lines in, and to look at afterwards (matrix, trace). */
  public Session newSession() {
    Kernel k = new Kernel(profile, seed);
    faults.forEach(k::inject);
    return new Session(k, Commands.standard());
  }

  /** One world and the shell that drives it. */
  public static final class Session {
    private final Kernel kernel;
    private final Shell shell;

    Session(Kernel kernel, Shell shell) {
      this.kernel = kernel;
      this.shell = shell;
    }

    public Kernel kernel() {
      return kernel;
    }

    public Shell shell() {
      return shell;
    }

    /** A root process in the host namespace, as every top-level line runs. */
    public Proc rootProc() {
      return new Proc(kernel, shell, kernel.host(), Cred.root(kernel.initUserNs()));
    }

    public List<LineResult> runAll(Script script) {
      List<LineResult> out = new ArrayList<>();
      for (ScriptLine l : script.lines()) {
        out.add(runLine(l));
      }
      return out;
    }

    public LineResult runLine(ScriptLine l) {
      if (l.isRefused()) {
        return LineResult.refused(l);
      }
      Io io = new Io();
      int status;
      try {
        status = shell.runLine(rootProc(), l, io, Shell.Dialect.BASH).status();
      } catch (RuntimeException | StackOverflowError e) {
        io.errln("netsim: internal error on " + l.file() + ":" + l.line() + ": " + e);
        status = INTERNAL_ERROR;
      }
      return new LineResult(l.line(), l.text(), status, io.stdout(), io.stderr());
    }
  }
}
