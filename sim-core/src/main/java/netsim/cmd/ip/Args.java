package netsim.cmd.ip;

import java.util.List;

/** A cursor over an argument list, with iproute2's {@code NEXT_ARG()} and {@code matches()}. */
final class Args {
  private final List<String> a;
  private int i;

  Args(List<String> a) {
    this.a = a;
  }

  boolean more() {
    return i < a.size();
  }

  String peek() {
    return a.get(i);
  }

  /** The current word, and moves past it. */
  String take() {
    return a.get(i++);
  }

  /** {@code NEXT_ARG()}: moves to the next word, which must exist. */
  String next() {
    i++;
    if (i >= a.size()) {
      throw IpFail.incomplete();
    }
    return a.get(i);
  }

  void skip() {
    i++;
  }

  int remaining() {
    return a.size() - i;
  }

  List<String> rest() {
    return a.subList(i, a.size());
  }

  /** iproute2's {@code matches(word, keyword)}: the word is a non-empty prefix of the keyword. */
  static boolean matches(String word, String keyword) {
    return !word.isEmpty() && keyword.startsWith(word);
  }

  boolean is(String keyword) {
    return a.get(i).equals(keyword);
  }

  boolean abbrev(String keyword) {
    return matches(a.get(i), keyword);
  }
}
