package netsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import netsim.run.LineResult;
import netsim.script.Script;
import netsim.script.ScriptLine;
import netsim.sim.Simulator;

/** A simulated world built by running a scenario (up to a line), for matrix and trace. */
final class World {
  private World() {}

  /**
   * Runs the scenario's lines up to and including {@code upto} (all when 0); lines that do not
   * meet their expectation are reported on stderr but do not stop it. Null when the file cannot
   * be read (the message is already printed).
   */
  static Simulator.Session build(Path file, int upto, PrintWriter err) {
    Script script;
    try {
      script = ScriptFiles.read(file);
    } catch (ScriptFiles.Unreadable e) {
      err.println(e.getMessage());
      return null;
    }
    if (upto > 0) {
      script = script.upto(upto);
    }
    Simulator.Session s = new Simulator().newSession();
    for (ScriptLine l : script.lines()) {
      LineResult r = s.runLine(l);
      if (!r.ok()) {
        err.println("netsim: " + file + ":" + r.line() + ": `" + r.command() + "` exited "
            + r.status() + (l.isRefused() ? " (" + l.refusal() + ")" : ""));
      }
    }
    err.flush();
    return s;
  }
}
