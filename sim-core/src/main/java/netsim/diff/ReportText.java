package netsim.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link DiffReport} for people: {@code FILE: N/M lines agree}, then per disagreeing
 * line its number and command, the two statuses, and a small diff of each stream that differs
 * ({@code -} the reference, the kernel; {@code +} the candidate, the simulator).
 */
public final class ReportText {

  private ReportText() {}

  public static String render(DiffReport report) {
    List<String> out = new ArrayList<>();
    out.add(summary(report));
    String ref = report.referenceName();
    String cand = report.candidateName();
    for (DiffReport.Disagreement d : report.disagreements()) {
      out.add("");
      out.add("  line " + d.line() + ": " + d.command());
      String statuses = ref + " " + d.reference().status() + ", " + cand + " "
          + d.candidate().status();
      out.add("    status: " + statuses + (d.statusDiffers() ? "" : " (same)"));
      stream(out, "stdout", d.stdoutDiffers(), d.reference().stdout(), d.candidate().stdout(),
          ref, cand);
      stream(out, "stderr", d.stderrDiffers(), d.reference().stderr(), d.candidate().stderr(),
          ref, cand);
    }
    return String.join("\n", out) + "\n";
  }

  /** The one-line verdict for a file. */
  public static String summary(DiffReport report) {
    return report.file() + ": " + report.agreeing() + "/" + report.lines() + " lines agree"
        + (report.refused() > 0 ? " (" + report.refused() + " refused by the language, not run)"
            : "");
  }

  private static void stream(List<String> out, String name, boolean differs, String reference,
      String candidate, String ref, String cand) {
    if (!differs) {
      return;
    }
    out.add("    " + name + ": (-" + ref + " +" + cand + ")");
    out.addAll(LineDiff.render(reference, candidate, "      "));
  }
}
