package netsim.netfilter;

/**
 * What REJECT answers with ({@code --reject-with}), in the order of libipt_REJECT's
 * {@code reject_table}, which is also the order its prefix matching tries them. The ICMP type and
 * code are what {@code nf_send_unreach} sends ({@code reject_tg} in ipt_REJECT.c).
 */
public enum RejectWith {
  ICMP_NET_UNREACHABLE("icmp-net-unreachable", "net-unreach", 3, 0),
  ICMP_HOST_UNREACHABLE("icmp-host-unreachable", "host-unreach", 3, 1),
  ICMP_PROTO_UNREACHABLE("icmp-proto-unreachable", "proto-unreach", 3, 2),
  ICMP_PORT_UNREACHABLE("icmp-port-unreachable", "port-unreach", 3, 3),
  ICMP_NET_PROHIBITED("icmp-net-prohibited", "net-prohib", 3, 9),
  ICMP_HOST_PROHIBITED("icmp-host-prohibited", "host-prohib", 3, 10),
  TCP_RESET("tcp-reset", "tcp-rst", -1, -1),
  ICMP_ADMIN_PROHIBITED("icmp-admin-prohibited", "admin-prohib", 3, 13);

  public final String text;
  public final String alias;
  /** The ICMP type to send, or -1 for a TCP reset. */
  public final int icmpType;
  public final int icmpCode;

  RejectWith(String text, String alias, int icmpType, int icmpCode) {
    this.text = text;
    this.alias = alias;
    this.icmpType = icmpType;
    this.icmpCode = icmpCode;
  }

  /**
   * libipt_REJECT's parse: the first entry whose name or alias starts with {@code arg}, ignoring
   * case (so {@code icmp} means icmp-net-unreachable); null when none does.
   */
  public static RejectWith parse(String arg) {
    for (RejectWith w : values()) {
      if (startsWithIgnoreCase(w.text, arg) || startsWithIgnoreCase(w.alias, arg)) {
        return w;
      }
    }
    return null;
  }

  private static boolean startsWithIgnoreCase(String full, String prefix) {
    return full.regionMatches(true, 0, prefix, 0, prefix.length())
        && prefix.length() <= full.length();
  }
}
