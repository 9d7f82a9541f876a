package netsim.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * A small line diff (longest common subsequence) of two outputs, rendered like a unified diff:
 * {@code -} for the reference's lines, {@code +} for the candidate's, a blank for common ones,
 * with three lines of context around changes. Outputs of scenario lines are short, so the
 * quadratic table is fine; very long outputs are compared whole, without a table.
 */
final class LineDiff {

  private LineDiff() {}

  private static final int CONTEXT = 3;

  /** Above this many cells, the two outputs are shown whole, one after the other. */
  private static final long MAX_CELLS = 4_000_000;

  /** An output's lines; a last line without its newline is marked. */
  static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int nl = text.indexOf('\n', start);
      if (nl < 0) {
        out.add(visible(text.substring(start)) + "  \\ no newline at end");
        break;
      }
      out.add(visible(text.substring(start, nl)));
      start = nl + 1;
    }
    return out;
  }

  /** Shows where a line ends when it ends in blanks, which the kernel's output often does. */
  private static String visible(String line) {
    return line.endsWith(" ") || line.endsWith("\t") ? line + "$" : line;
  }

  /** The diff, one rendered line per element, each prefixed by {@code indent}. */
  static List<String> render(String reference, String candidate, String indent) {
    List<String> a = lines(reference);
    List<String> b = lines(candidate);
    List<String> ops = (long) a.size() * b.size() > MAX_CELLS ? whole(a, b) : ops(a, b);
    List<String> out = new ArrayList<>();
    int lastShown = -1;
    for (int i = 0; i < ops.size(); i++) {
      if (ops.get(i).charAt(0) == ' ' && !nearChange(ops, i)) {
        continue;
      }
      if (lastShown >= 0 && i > lastShown + 1) {
        out.add(indent + " ...");
      }
      out.add(indent + ops.get(i));
      lastShown = i;
    }
    return out;
  }

  private static boolean nearChange(List<String> ops, int i) {
    for (int k = Math.max(0, i - CONTEXT); k <= Math.min(ops.size() - 1, i + CONTEXT); k++) {
      if (ops.get(k).charAt(0) != ' ') {
        return true;
      }
    }
    return false;
  }

  private static List<String> whole(List<String> a, List<String> b) {
    List<String> ops = new ArrayList<>();
    a.forEach(l -> ops.add("-" + l));
    b.forEach(l -> ops.add("+" + l));
    return ops;
  }

  private static List<String> ops(List<String> a, List<String> b) {
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] = a.get(i).equals(b.get(j))
            ? lcs[i + 1][j + 1] + 1
            : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<String> ops = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        ops.add(" " + a.get(i++));
        j++;
      } else if (j >= b.size() || (i < a.size() && lcs[i + 1][j] >= lcs[i][j + 1])) {
        ops.add("-" + a.get(i++));
      } else {
        ops.add("+" + b.get(j++));
      }
    }
    return ops;
  }
}
