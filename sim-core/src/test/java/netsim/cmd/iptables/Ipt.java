package netsim.cmd.iptables;

import java.util.List;
import netsim.run.LineResult;
import netsim.script.ScriptLine;
import netsim.script.ScriptParser;
import netsim.sim.Simulator;

/** A fresh simulated machine to run iptables lines in, as a scenario would. */
final class Ipt {
  final Simulator.Session session = new Simulator().newSession();

  /** Runs one scenario line (quotes, {@code !} and all) as root in the host namespace. */
  LineResult run(String line) {
    List<ScriptLine> ls = ScriptParser.parseInline("test", line);
    if (ls.size() != 1) {
      throw new IllegalArgumentException("one line please: " + line);
    }
    return session.runLine(ls.get(0));
  }

  /** Runs a line that must succeed, and returns its stdout. */
  String out(String line) {
    LineResult r = run(line);
    if (r.status() != 0 || !r.stderr().isEmpty()) {
      throw new AssertionError(line + " -> " + r.status() + " " + r.stderr());
    }
    return r.stdout();
  }

  /** iptables-save without its date lines. */
  String save() {
    return out("iptables-save").replaceAll("(?m)^# .*\n", "");
  }
}
