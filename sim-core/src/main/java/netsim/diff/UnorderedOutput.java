package netsim.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import netsim.script.ScriptLine;

/**
 * Outputs whose line order the kernel does not define. The neighbour table is a hash table
 * whose seed is random per boot ({@code neigh_hash_alloc}), and a dump walks its buckets, so
 * two entries come out in an order that differs from one machine to the next. For such lines
 * both runs are sorted, with link-layer addresses masked, before they are normalised and
 * compared: the order never counts, every entry and every field still does.
 */
final class UnorderedOutput {

  private static final Pattern LLADDR = Pattern.compile("lladdr \\S+");
  private static final Comparator<String> BY_MASKED =
      Comparator.comparing((String l) -> LLADDR.matcher(l).replaceAll("lladdr *"))
          .thenComparing(Comparator.naturalOrder());

  private UnorderedOutput() {}

  /** Whether the line is a text (not JSON) {@code ip neigh show}, alone or in {@code ip netns exec}. */
  static boolean unordered(ScriptLine line) {
    List<String> a = line.argv();
    int i = 0;
    while (a.size() >= i + 4 && a.get(i).equals("ip") && a.get(i + 1).equals("netns")
        && a.get(i + 2).equals("exec")) {
      i += 4;
    }
    if (i >= a.size() || !a.get(i).equals("ip")) {
      return false;
    }
    i++;
    while (i < a.size() && a.get(i).startsWith("-")) {
      String o = a.get(i);
      if (o.startsWith("-j") || o.startsWith("--j")) {
        return false;
      }
      boolean takesArg = o.equals("-n") || o.equals("-netns") || o.equals("-f")
          || o.equals("-family") || o.equals("-b") || o.equals("-batch") || o.equals("-rc")
          || o.equals("-rcvbuf") || o.equals("-l") || o.equals("-loops");
      i += takesArg ? 2 : 1;
    }
    if (i >= a.size()) {
      return false;
    }
    String obj = a.get(i);
    if (!"neighbour".startsWith(obj) && !"neighbor".startsWith(obj)) {
      return false;
    }
    String verb = i + 1 < a.size() ? a.get(i + 1) : "show";
    return "show".startsWith(verb) || "list".startsWith(verb) || verb.equals("ls")
        || verb.equals("dev") || verb.equals("to") || verb.equals("nud");
  }

  /** The lines of {@code text} in a defined order (masked link-layer address, then the rest). */
  static String sorted(String text) {
    if (text.isEmpty()) {
      return text;
    }
    boolean trailing = text.endsWith("\n");
    List<String> lines = new ArrayList<>(Arrays.asList(
        (trailing ? text.substring(0, text.length() - 1) : text).split("\n", -1)));
    lines.sort(BY_MASKED);
    return String.join("\n", lines) + (trailing ? "\n" : "");
  }
}
