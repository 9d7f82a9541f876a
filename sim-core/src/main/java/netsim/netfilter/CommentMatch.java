package netsim.netfilter;

/** {@code -m comment --comment TEXT}: matches everything; the text is for people. */
public record CommentMatch(String text) implements Match {

  @Override
  public String name() {
    return "comment";
  }

  @Override
  public boolean matches(NfPacket p, int states) {
    return true;
  }
}
