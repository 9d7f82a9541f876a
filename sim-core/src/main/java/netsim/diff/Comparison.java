package netsim.diff;

import java.util.ArrayList;
import java.util.List;
import netsim.run.Backend;
import netsim.run.BackendUnavailableException;
import netsim.run.LineResult;
import netsim.script.Script;
import netsim.script.ScriptLine;

/**
 * The differential check: runs a scenario on a reference backend (the kernel) and a candidate
 * (the simulator), normalises each run on its own ({@link Normaliser}), and compares line by line
 * the exit status, stdout and stderr.
 */
public final class Comparison {

  private Comparison() {}

  /**
   * Runs the script on both backends and compares.
   *
   * @throws BackendUnavailableException when either backend cannot run here
   * @throws IllegalStateException when a backend does not return one result per line, in order
   */
  public static DiffReport run(Script script, Backend reference, Backend candidate)
      throws BackendUnavailableException {
    List<LineResult> ref = reference.run(script);
    List<LineResult> cand = candidate.run(script);
    return compare(script, reference.name(), ref, candidate.name(), cand);
  }

  /** Compares two runs of the same script that have already happened. */
  public static DiffReport compare(Script script, String referenceName, List<LineResult> reference,
      String candidateName, List<LineResult> candidate) {
    check(script, referenceName, reference);
    check(script, candidateName, candidate);
    Normaliser refNorm = new Normaliser(script);
    Normaliser candNorm = new Normaliser(script);
    List<DiffReport.Disagreement> disagreements = new ArrayList<>();
    for (int i = 0; i < script.lines().size(); i++) {
      boolean unordered = UnorderedOutput.unordered(script.lines().get(i));
      LineResult r = normalise(refNorm, reference.get(i), unordered);
      LineResult c = normalise(candNorm, candidate.get(i), unordered);
      if (r.status() != c.status() || !r.stdout().equals(c.stdout())
          || !r.stderr().equals(c.stderr())) {
        ScriptLine line = script.lines().get(i);
        disagreements.add(new DiffReport.Disagreement(line.line(), line.text(), r, c));
      }
    }
    int refused = (int) script.lines().stream().filter(ScriptLine::isRefused).count();
    return new DiffReport(script.file(), referenceName, candidateName, script.lines().size(),
        disagreements, refused);
  }

  private static LineResult normalise(Normaliser n, LineResult r, boolean unordered) {
    String stdout = n.normalise(unordered ? UnorderedOutput.sorted(r.stdout()) : r.stdout());
    String stderr = n.normalise(r.stderr());
    return new LineResult(r.line(), r.command(), r.status(), stdout, stderr);
  }

  private static void check(Script script, String name, List<LineResult> results) {
    if (results.size() != script.lines().size()) {
      throw new IllegalStateException("the " + name + " backend returned " + results.size()
          + " results for the " + script.lines().size() + " lines of " + script.file());
    }
    for (int i = 0; i < results.size(); i++) {
      if (results.get(i).line() != script.lines().get(i).line()) {
        throw new IllegalStateException("the " + name + " backend's result " + (i + 1) + " is for"
            + " line " + results.get(i).line() + ", not line " + script.lines().get(i).line());
      }
    }
  }
}
