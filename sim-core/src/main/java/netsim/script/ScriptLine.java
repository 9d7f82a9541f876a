package netsim.script;

import java.util.List;
import java.util.Objects;

/**
 * One logical line of a scenario that holds a command: where it starts, what was written, and
 * either the command (argument vector, optional redirection, whether a leading {@code !} inverts
 * its status) or the reason it is refused.
 *
 * <p>A refused line is never run by any backend; both report the same refusal for it, so a
 * refusal can never be a disagreement between the simulator and the kernel.
 */
public record ScriptLine(
    String file, int line, String text, boolean negated, List<String> argv, Redirect redirect,
    String refusal) {

  /** The exit status every backend reports for a refused line (bash's status for a syntax error). */
  public static final int REFUSED_STATUS = 2;

  public ScriptLine {
    Objects.requireNonNull(file);
    Objects.requireNonNull(text);
    argv = argv == null ? List.of() : List.copyOf(argv);
  }

  public static ScriptLine refused(String file, int line, String text, String why) {
    return new ScriptLine(file, line, text, false, List.of(), null, why);
  }

  public boolean isRefused() {
    return refusal != null;
  }

  /** The message a refused line prints on stderr: names the file and line. */
  public String refusalMessage() {
    return "netsim: " + file + ":" + line + ": " + refusal + "\n";
  }
}
