package netsim.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import netsim.script.Language;
import netsim.script.Redirect;

/**
 * How the agent turns a checked scenario line into the argument vector it executes.
 *
 * <p>No shell string is ever built from a scenario's words. A scenario is a bash script, so the
 * words that bash runs itself ({@code echo}, {@code true}, {@code false}, {@code exit}, and the
 * redirection of {@code echo WORDS > FILE}) are run by a real bash with a <em>constant</em> script
 * that receives the words as positional parameters: {@code bash -c 'echo "$@"' bash WORDS...}.
 * That gives bash's own behaviour ({@code echo --help} prints {@code --help}, a failed write says
 * {@code bash: line 12: echo: write error: ...}) without quoting anything. The constant script is
 * preceded by as many empty lines as come before the scenario line, so that bash's messages name
 * the scenario's line, as if the whole scenario ran as {@code bash -c SCENARIO}.
 *
 * <p>Every other command is executed directly as its argument vector; {@code bash -c 'SCRIPT'} is
 * the argv {@code [bash, -c, SCRIPT]}, whose SCRIPT the language has checked line by line.
 */
final class AgentCommand {

  private AgentCommand() {}

  /** Where commands are looked up, in this order (also the commands' PATH). */
  static final String PATH = "/usr/sbin:/usr/bin:/sbin:/bin";

  /**
   * The whole environment of every command: fixed, so output does not depend on who runs netsim
   * (no locale, no colours, no inherited variables).
   */
  static final Map<String, String> ENVIRONMENT =
      Map.of("PATH", PATH, "LANG", "C", "LC_ALL", "C", "HOME", "/root");

  /** bash builtins that a scenario line may start with, and the constant script that runs each. */
  private static final Map<String, String> BUILTINS =
      Map.of("echo", "echo \"$@\"", "true", "true \"$@\"", "false", "false \"$@\"",
          "exit", "exit \"$@\"");

  /** {@code $1} is the file, the rest are echo's words. */
  private static final String REDIRECT = "echo \"${@:2}\" > \"$1\"";

  private static final String APPEND = "echo \"${@:2}\" >> \"$1\"";

  /** Returns null when the request may run, or why not: the language's own check, again. */
  static String refusal(AgentProtocol.Request r) {
    if (r.argv() == null || r.file() == null) {
      return "malformed request";
    }
    Redirect redirect = r.redirectPath() == null ? null : new Redirect(r.redirectPath(), r.append());
    return Language.check(r.argv(), redirect, r.file());
  }

  /** The argument vector to execute for a request that {@link #refusal} accepted. */
  static List<String> argv(AgentProtocol.Request r) {
    List<String> argv = r.argv();
    List<String> out = new ArrayList<>();
    if (r.redirectPath() != null) {
      String script = atLine(r.line(), r.append() ? APPEND : REDIRECT);
      out.addAll(List.of("bash", "-c", script, "bash", r.redirectPath()));
      out.addAll(argv.subList(1, argv.size()));
    } else if (BUILTINS.containsKey(argv.get(0))) {
      out.addAll(List.of("bash", "-c", atLine(r.line(), BUILTINS.get(argv.get(0))), "bash"));
      out.addAll(argv.subList(1, argv.size()));
    } else {
      out.addAll(argv);
    }
    return out;
  }

  /** A constant script that bash numbers as line {@code line}. */
  private static String atLine(int line, String script) {
    return "\n".repeat(Math.max(0, Math.min(line, 1_000_000) - 1)) + script;
  }
}
