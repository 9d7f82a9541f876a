package netsim.netfilter;

/**
 * What netfilter decided for a packet at a hook: it goes on, it is dropped silently, or it is
 * dropped and answered, with the ICMP error (or TCP reset) that REJECT's {@code --reject-with}
 * names. The engine sends that answer itself, back towards the sender, and rate-limits it.
 */
public record Verdict(Kind kind, RejectWith rejectWith) {

  public enum Kind {
    ACCEPT,
    DROP,
    REJECT
  }

  public static final Verdict ACCEPT = new Verdict(Kind.ACCEPT, null);
  public static final Verdict DROP = new Verdict(Kind.DROP, null);

  public static Verdict reject(RejectWith w) {
    return new Verdict(Kind.REJECT, w);
  }

  public boolean accepted() {
    return kind == Kind.ACCEPT;
  }

  /** For REJECT: the ICMP type to send (3), or -1 for a TCP reset. */
  public int icmpType() {
    return rejectWith == null ? -1 : rejectWith.icmpType;
  }

  /** For REJECT: the ICMP code (3 port unreachable by default, 13 admin prohibited, ...). */
  public int icmpCode() {
    return rejectWith == null ? -1 : rejectWith.icmpCode;
  }

  @Override
  public String toString() {
    return kind == Kind.REJECT ? "REJECT " + rejectWith.text : kind.name();
  }
}
