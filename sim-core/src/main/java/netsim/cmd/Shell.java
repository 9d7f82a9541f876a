package netsim.cmd;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import netsim.model.Errno;
import netsim.script.Redirect;
import netsim.script.ScriptLine;
import netsim.script.ScriptParser;

/**
 * Runs commands: dispatches an argument vector to its {@link Command}, and runs script lines the
 * way bash runs them — with the {@code echo WORDS > FILE} redirection, a leading {@code !}, and
 * {@code bash -c} / {@code sh -c} scripts, with bash's (or dash's) own error messages.
 */
public final class Shell {
  private final Map<String, Command> commands = new HashMap<>();

  public Shell register(String name, Command c) {
    commands.put(name, c);
    return this;
  }

  public boolean has(String name) {
    return commands.containsKey(name);
  }

  /** Runs an argument vector as exec would (no shell): the command's status. */
  public int exec(Proc p, List<String> argv, Io io) {
    if (argv.isEmpty()) {
      return 0;
    }
    Command c = commands.get(argv.get(0));
    if (c == null) {
      io.errln(argv.get(0) + ": command not found");
      return 127;
    }
    return c.run(p, argv.subList(1, argv.size()), io);
  }

  /** Which shell prints an error: bash ({@code bash: line N: }) or dash ({@code sh: N: }). */
  public enum Dialect {
    BASH, DASH;

    String prefix(int line) {
      return this == BASH ? "bash: line " + line + ": " : "sh: " + line + ": ";
    }
  }

  /** The outcome of a line inside a script: its status, and whether {@code exit} ended it. */
  public record LineOutcome(int status, boolean exited) {}

  /**
   * Runs one parsed line as a shell would: {@code exit N} ends the script, a redirection is
   * opened before echo runs, {@code !} inverts the status.
   */
  public LineOutcome runLine(Proc p, ScriptLine l, Io io, Dialect dialect) {
    List<String> argv = l.argv();
    if (!argv.isEmpty() && argv.get(0).equals("exit")) {
      int st = exitStatus(argv, io, dialect, l.line());
      return new LineOutcome(st, true);
    }
    int st;
    if (l.redirect() != null) {
      st = echoRedirect(p, argv.subList(1, argv.size()), l.redirect(), io, dialect, l.line());
    } else {
      st = exec(p, argv, io);
    }
    return new LineOutcome(l.negated() ? (st == 0 ? 1 : 0) : st, false);
  }

  private static int exitStatus(List<String> argv, Io io, Dialect d, int line) {
    if (argv.size() < 2) {
      return 0;
    }
    try {
      return Integer.parseInt(argv.get(1)) & 0xFF;
    } catch (NumberFormatException e) {
      io.errln(d.prefix(line) + "exit: " + argv.get(1) + ": numeric argument required");
      return d == Dialect.BASH ? 2 : 2;
    }
  }

  /** {@code echo WORDS > FILE}: bash opens FILE, then the builtin echo writes to it. */
  private int echoRedirect(Proc p, List<String> words, Redirect r, Io io, Dialect d, int line) {
    ProcFs.Opened o = ProcFs.open(p, r.path(), true);
    if (o.error() != null || o.directory()) {
      Errno e = o.directory() ? Errno.EISDIR : o.error();
      if (d == Dialect.BASH) {
        io.errln(d.prefix(line) + r.path() + ": " + e.text);
        return 1;
      }
      String why = e == Errno.ENOENT ? "Directory nonexistent" : e.text;
      io.errln(d.prefix(line) + "cannot create " + r.path() + ": " + why);
      return 2;
    }
    Io text = new Io();
    Builtins.echo(words, text);
    Errno e = o.file().write(text.stdout());
    if (e != null) {
      if (d == Dialect.BASH) {
        io.errln(d.prefix(line) + "echo: write error: " + e.text);
      } else {
        io.errln(d.prefix(line) + "echo: echo: I/O error");
      }
      return 1;
    }
    return 0;
  }

  /** {@code bash -c SCRIPT}: its lines in order; the status of the last, or of {@code exit}. */
  public int runScript(Proc p, String script, Io io, Dialect dialect) {
    int status = 0;
    for (ScriptLine l : ScriptParser.parseInline("-c", script)) {
      if (l.isRefused()) {
        io.errln(dialect.prefix(l.line()) + l.refusal());
        status = 2;
        continue;
      }
      LineOutcome o = runLine(p, l, io, dialect);
      status = o.status();
      if (o.exited()) {
        break;
      }
    }
    return status;
  }
}
