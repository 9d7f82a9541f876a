package netsim.netfilter;

/**
 * A match extension of a rule ({@code -m NAME ...}, or the one {@code -p tcp|udp|icmp} loads
 * for its options). Each says whether a packet matches, given the conntrack state the packet is
 * in; how a match is written ({@code -S}, {@code -L}) lives with the formatters.
 */
public sealed interface Match permits PortMatch, IcmpMatch, StateMatch, CommentMatch {

  /** The extension's name, as {@code -m} takes it. */
  String name();

  /**
   * @param p the packet
   * @param states the conntrack states it is in ({@link CtState} bits): exactly one of INVALID,
   *     NEW, RELATED, ESTABLISHED, plus SNAT and DNAT when its flow is translated
   */
  boolean matches(NfPacket p, int states);

  /** Whether this match needs conntrack in the namespace ({@code nf_ct_netns_get}). */
  default boolean needsConntrack() {
    return false;
  }
}
