package netsim.run;

import netsim.script.ScriptLine;

/**
 * What one command line did: where it starts in its file, the command as written, its exit status
 * after a leading {@code !} is applied (as bash reports it), and its output.
 */
public record LineResult(int line, String command, int status, String stdout, String stderr) {

  /** The result every backend gives for a line the language refuses: it never runs. */
  public static LineResult refused(ScriptLine l) {
    return new LineResult(l.line(), l.text(), ScriptLine.REFUSED_STATUS, "", l.refusalMessage());
  }

  /** Bash's {@code !}: 0 becomes 1, anything else becomes 0. */
  public static int applyNegation(ScriptLine l, int status) {
    return l.negated() ? (status == 0 ? 1 : 0) : status;
  }

  /** Whether the line met its expectation: it ran and (after {@code !}) succeeded. */
  public boolean ok() {
    return status == 0;
  }
}
