package netsim.cmd.userns;

import java.util.ArrayList;
import java.util.List;

/**
 * glibc's {@code getopt_long} (2.36), as util-linux and coreutils call it, with its messages:
 * short options and clusters ({@code -Ur}), long options and unambiguous prefixes of them
 * ({@code --map-r}), {@code --opt=value} and {@code --opt value}, {@code --} to end options, and
 * either GNU's permutation (operands may come before options) or, with a leading {@code +} in the
 * short-option string, a stop at the first operand (what {@code unshare} and {@code setpriv} use,
 * so the nested command keeps its own options).
 *
 * <p>A tool gets every option in order and the operands, or the first error, to which it adds
 * its {@code Try 'TOOL --help' for more information.} line.
 */
final class Getopt {
  /** Whether a long option takes a value. */
  enum Arg {
    NONE, REQUIRED, OPTIONAL
  }

  /** An entry of the tool's {@code struct option} table; {@code code} is what getopt returns. */
  record LongOpt(String name, Arg arg, int code) {}

  /** One option found: its code (the letter for a short option) and its value, or null. */
  record Opt(int code, String value) {}

  /** All options in order and the operands, or an error message (one line, with newline). */
  record Result(List<Opt> opts, List<String> operands, String error) {
    boolean failed() {
      return error != null;
    }
  }

  private final String prog;
  private final String shortSpec;
  private final List<LongOpt> longs;
  private final List<String> args;
  private final List<Opt> opts = new ArrayList<>();
  /** The argument being read. */
  private int i;

  private Getopt(String prog, String shortSpec, List<LongOpt> longs, List<String> args) {
    this.prog = prog;
    this.shortSpec = shortSpec;
    this.longs = longs;
    this.args = args;
  }

  /**
   * Parses {@code args} (without the program name).
   *
   * @param prog the name messages start with
   * @param shortSpec the short options, {@code :} after a letter that takes a value, {@code ::}
   *     for an optional one; a leading {@code +} stops at the first operand
   */
  static Result parse(String prog, String shortSpec, List<LongOpt> longs, List<String> args) {
    return new Getopt(prog, shortSpec, longs, args).run();
  }

  private Result run() {
    boolean stopAtOperand = shortSpec.startsWith("+");
    List<String> operands = new ArrayList<>();
    while (i < args.size()) {
      String a = args.get(i);
      if (a.equals("--")) {
        operands.addAll(args.subList(i + 1, args.size()));
        break;
      }
      if (!a.startsWith("-") || a.equals("-")) {
        if (stopAtOperand) {
          operands.addAll(args.subList(i, args.size()));
          break;
        }
        operands.add(a);
        i++;
        continue;
      }
      String error = a.startsWith("--") ? longOption(a) : shortCluster(a);
      if (error != null) {
        return new Result(opts, operands, error);
      }
      i++;
    }
    return new Result(opts, operands, null);
  }

  /** {@code --name[=value]}: an exact name, or a prefix that picks one option. */
  private String longOption(String a) {
    String body = a.substring(2);
    int eq = body.indexOf('=');
    String name = eq < 0 ? body : body.substring(0, eq);
    LongOpt found = longs.stream().filter(o -> o.name().equals(name)).findFirst().orElse(null);
    if (found == null) {
      List<LongOpt> candidates = longs.stream().filter(o -> o.name().startsWith(name)).toList();
      if (candidates.isEmpty()) {
        return prog + ": unrecognized option '" + a + "'\n";
      }
      LongOpt first = candidates.get(0);
      if (candidates.stream().anyMatch(o -> o.arg() != first.arg() || o.code() != first.code())) {
        StringBuilder sb = new StringBuilder(prog + ": option '" + a
            + "' is ambiguous; possibilities:");
        candidates.forEach(o -> sb.append(" '--").append(o.name()).append('\''));
        return sb.append('\n').toString();
      }
      found = first;
    }
    if (eq >= 0) {
      if (found.arg() == Arg.NONE) {
        return prog + ": option '--" + found.name() + "' doesn't allow an argument\n";
      }
      opts.add(new Opt(found.code(), body.substring(eq + 1)));
    } else if (found.arg() == Arg.REQUIRED) {
      if (i + 1 >= args.size()) {
        return prog + ": option '--" + found.name() + "' requires an argument\n";
      }
      opts.add(new Opt(found.code(), args.get(++i)));
    } else {
      opts.add(new Opt(found.code(), null));
    }
    return null;
  }

  /** A cluster such as {@code -Ur} or {@code -cFORMAT}: letters until one takes a value. */
  private String shortCluster(String a) {
    for (int k = 1; k < a.length(); k++) {
      char c = a.charAt(k);
      int at = c == ':' || c == '+' ? -1 : shortSpec.indexOf(c);
      if (at < 0) {
        return prog + ": invalid option -- '" + c + "'\n";
      }
      boolean takes = at + 1 < shortSpec.length() && shortSpec.charAt(at + 1) == ':';
      boolean optional = takes && at + 2 < shortSpec.length() && shortSpec.charAt(at + 2) == ':';
      if (!takes) {
        opts.add(new Opt(c, null));
      } else if (k + 1 < a.length()) {
        opts.add(new Opt(c, a.substring(k + 1)));
        return null;
      } else if (optional) {
        opts.add(new Opt(c, null));
      } else if (i + 1 < args.size()) {
        opts.add(new Opt(c, args.get(++i)));
      } else {
        return prog + ": option requires an argument -- '" + c + "'\n";
      }
    }
    return null;
  }
}
