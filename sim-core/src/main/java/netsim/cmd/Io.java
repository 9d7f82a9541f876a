package netsim.cmd;

/** A command's standard output and error, as text. */
public final class Io {
  private final StringBuilder out = new StringBuilder();
  private final StringBuilder err = new StringBuilder();

  public Io out(String s) {
    out.append(s);
    return this;
  }

  public Io err(String s) {
    err.append(s);
    return this;
  }

  /** Appends a whole line to stdout. */
  public Io outln(String s) {
    out.append(s).append('\n');
    return this;
  }

  /** Appends a whole line to stderr. */
  public Io errln(String s) {
    err.append(s).append('\n');
    return this;
  }

  public String stdout() {
    return out.toString();
  }

  public String stderr() {
    return err.toString();
  }

  /** Discards stdout written after {@code mark} (for a dump that fails part way). */
  public int outMark() {
    return out.length();
  }

  public void truncateOut(int mark) {
    out.setLength(mark);
  }
}
