package netsim.cmd.userns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import netsim.run.LineResult;
import netsim.script.ScriptParser;
import netsim.sim.Simulator;

/** Runs scenario lines on the simulator, one world for all of them, and checks what they print. */
final class Lines {
  private final Simulator.Session session = new Simulator().newSession();

  netsim.model.Kernel kernel() {
    return session.kernel();
  }

  /**
   * Runs an argument vector as a root process would exec it, bypassing the scenario language
   * (for lines the language refuses, whose tool must still answer as the real one does).
   */
  LineResult direct(String... argv) {
    netsim.cmd.Io io = new netsim.cmd.Io();
    int st = session.shell().exec(session.rootProc(), List.of(argv), io);
    return new LineResult(0, String.join(" ", argv), st, io.stdout(), io.stderr());
  }

  /** Runs one scenario line (after the lines run before it). */
  LineResult run(String line) {
    List<netsim.script.ScriptLine> parsed = ScriptParser.parse("t.sh", line).lines();
    assertEquals(1, parsed.size(), line);
    assertEquals(null, parsed.get(0).refusal(), line);
    return session.runLine(parsed.get(0));
  }

  /** Runs the line and checks its status, stdout and stderr, as the kernel gave them. */
  void expect(String line, int status, String stdout, String stderr) {
    LineResult r = run(line);
    assertEquals(stdout, r.stdout(), line + " (stdout)");
    assertEquals(stderr, r.stderr(), line + " (stderr)");
    assertEquals(status, r.status(), line + " (status)");
  }

  void ok(String line, String stdout) {
    expect(line, 0, stdout, "");
  }

  void fails(String line, int status, String stderr) {
    expect(line, status, "", stderr);
  }

  /** The prefix scenarios use to act as uid 1000. */
  static final String U = "setpriv --reuid=1000 --regid=1000 --clear-groups ";
}
