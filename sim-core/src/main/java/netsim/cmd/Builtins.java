package netsim.cmd;

import java.util.List;

/** The small commands: {@code echo}, {@code true}, {@code false}, {@code bash -c}, {@code sh -c}. */
public final class Builtins {
  private Builtins() {}

  public static void register(Shell shell) {
    shell.register("echo", (p, args, io) -> {
      echo(args, io);
      return 0;
    });
    shell.register("true", (p, args, io) -> 0);
    shell.register("false", (p, args, io) -> 1);
    shell.register("bash", (p, args, io) -> shellC(p, args, io, Shell.Dialect.BASH));
    shell.register("sh", (p, args, io) -> shellC(p, args, io, Shell.Dialect.DASH));
  }

  /** bash's builtin echo: {@code -n} drops the newline; words joined by one space. */
  public static void echo(List<String> args, Io io) {
    boolean newline = true;
    int i = 0;
    while (i < args.size() && args.get(i).matches("-[neE]+")) {
      if (args.get(i).contains("n")) {
        newline = false;
      }
      i++;
    }
    io.out(String.join(" ", args.subList(i, args.size())));
    if (newline) {
      io.out("\n");
    }
  }

  private static int shellC(Proc p, List<String> args, Io io, Shell.Dialect d) {
    if (args.size() < 2 || !args.get(0).equals("-c")) {
      io.errln((d == Shell.Dialect.BASH ? "bash" : "sh") + ": only -c SCRIPT is supported");
      return 2;
    }
    return p.shell().runScript(p, args.get(1), io, d);
  }
}
