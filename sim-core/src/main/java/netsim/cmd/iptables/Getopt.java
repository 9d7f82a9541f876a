package netsim.cmd.iptables;

import java.util.ArrayList;
import java.util.List;

/**
 * GNU {@code getopt_long} as iptables calls it: option string starting with {@code "-:"}, so
 * arguments that are not options come back in order as option 1 (RETURN_IN_ORDER) and a missing
 * argument comes back as {@code ':'}; {@code '?'} for an unknown or ambiguous option. Long
 * options may be abbreviated to any unambiguous prefix, and take {@code --opt=value} or
 * {@code --opt value}. The caller may add long options between calls (iptables merges an
 * extension's options when it loads it) and may move {@link #optind} itself (iptables takes the
 * optional words after {@code -L CHAIN} that way).
 */
final class Getopt {

  /** How a long option takes an argument. */
  enum Arg { NONE, REQUIRED, OPTIONAL }

  /** A long option and the value getopt returns for it. */
  record LongOpt(String name, Arg arg, int val) {}

  private final List<String> argv;
  private final String shortOpts;
  private final List<LongOpt> longOpts = new ArrayList<>();
  /** Index of the next word to look at, as in C. */
  int optind;
  /** The argument of the option just returned, or null. */
  String optarg;
  /** The word the last option came from (for messages, {@code argv[optind - 1]} in iptables). */
  String lastWord;
  /** Where we are inside a cluster of short options ({@code -nvL}); 0 when between words. */
  private int nextchar;

  Getopt(List<String> argv, String shortOpts, List<LongOpt> longs) {
    this.argv = argv;
    this.shortOpts = shortOpts;
    this.longOpts.addAll(longs);
  }

  void addLongOpts(List<LongOpt> more) {
    longOpts.addAll(more);
  }

  boolean hasLong(String name) {
    return longOpts.stream().anyMatch(o -> o.name.equals(name));
  }

  /** The next option's value; -1 at the end. */
  int next() {
    optarg = null;
    if (nextchar == 0) {
      if (optind >= argv.size()) {
        return -1;
      }
      String w = argv.get(optind);
      if (w.equals("--")) {
        optind++;
        return -1;
      }
      if (!w.startsWith("-") || w.length() == 1) {
        optind++;
        optarg = w;
        lastWord = w;
        return 1;
      }
      if (w.startsWith("--")) {
        return longOption(w);
      }
      nextchar = 1;
    }
    String w = argv.get(optind);
    char c = w.charAt(nextchar++);
    lastWord = w;
    int idx = shortOpts.indexOf(c);
    boolean last = nextchar >= w.length();
    if (c == ':' || c == '-' || idx < 0) {
      if (last) {
        optind++;
        nextchar = 0;
      }
      return '?';
    }
    boolean takes = idx + 1 < shortOpts.length() && shortOpts.charAt(idx + 1) == ':';
    boolean optional = takes && idx + 2 < shortOpts.length() && shortOpts.charAt(idx + 2) == ':';
    if (!takes) {
      if (last) {
        optind++;
        nextchar = 0;
      }
      return c;
    }
    if (!last) {
      optarg = w.substring(nextchar);
      optind++;
      nextchar = 0;
      return c;
    }
    optind++;
    nextchar = 0;
    if (optional) {
      return c;
    }
    if (optind >= argv.size()) {
      return ':';
    }
    optarg = argv.get(optind++);
    return c;
  }

  private int longOption(String w) {
    optind++;
    lastWord = w;
    String body = w.substring(2);
    String value = null;
    int eq = body.indexOf('=');
    if (eq >= 0) {
      value = body.substring(eq + 1);
      body = body.substring(0, eq);
    }
    LongOpt found = null;
    boolean ambiguous = false;
    for (LongOpt o : longOpts) {
      if (o.name.equals(body)) {
        found = o;
        ambiguous = false;
        break;
      }
      if (o.name.startsWith(body)) {
        if (found == null) {
          found = o;
        } else if (found.arg != o.arg || found.val != o.val) {
          ambiguous = true;
        }
      }
    }
    if (found == null || ambiguous || body.isEmpty()) {
      return '?';
    }
    if (found.arg == Arg.NONE) {
      return value != null ? '?' : found.val;
    }
    if (value != null) {
      optarg = value;
      return found.val;
    }
    if (found.arg == Arg.OPTIONAL) {
      return found.val;
    }
    if (optind >= argv.size()) {
      return ':';
    }
    optarg = argv.get(optind++);
    return found.val;
  }
}
