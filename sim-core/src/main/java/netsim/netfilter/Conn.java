package netsim.netfilter;

/**
 * One tracked flow ({@code struct nf_conn}): its original tuple, its reply tuple (which NAT
 * rewrites so that answers to the translated packet find the flow), and its status bits.
 */
final class Conn {
  final Tuple orig;
  /** What an answer looks like; NAT changes it ({@code nf_conntrack_alter_reply}). */
  Tuple reply;
  /** In the table: the first packet got through ({@code IPS_CONFIRMED}). */
  boolean confirmed;
  /** A packet went the other way ({@code IPS_SEEN_REPLY}). */
  boolean seenReply;
  /** The mapping changes the source ({@code IPS_SRC_NAT}) or destination ({@code IPS_DST_NAT}). */
  boolean srcNat;
  boolean dstNat;
  /** The mapping for that side has been decided ({@code nf_nat_initialized}). */
  boolean srcNatDone;
  boolean dstNatDone;
  /** When the flow dies, in model milliseconds. */
  long expires;

  Conn(Tuple orig, Tuple reply) {
    this.orig = orig;
    this.reply = reply;
  }

  /** The tuple of one direction ({@code ct->tuplehash[dir].tuple}). */
  Tuple tuple(boolean replyDir) {
    return replyDir ? reply : orig;
  }

  boolean natDone(Hook.Manip m) {
    return m == Hook.Manip.SRC ? srcNatDone : dstNatDone;
  }

  /** The status bit {@code nf_nat_packet} tests for this side and direction. */
  boolean translates(Hook.Manip m, boolean replyDir) {
    boolean src = m == Hook.Manip.SRC;
    if (replyDir) {
      src = !src; // statusbit ^= IPS_NAT_MASK
    }
    return src ? srcNat : dstNat;
  }

  /**
   * The timeout after a packet, in milliseconds: ICMP 30 s ({@code nf_conntrack_icmp_timeout});
   * UDP 30 s, 120 s once answered ({@code nf_conntrack_udp_timeout_stream}); TCP 120 s before an
   * answer ({@code SYN_SENT}), five days after (ESTABLISHED); anything else 600 s
   * ({@code nf_conntrack_generic_timeout}).
   */
  long timeout() {
    return switch (orig.proto()) {
      case NfPacket.ICMP -> 30_000L;
      case NfPacket.UDP -> seenReply ? 120_000L : 30_000L;
      case NfPacket.TCP -> seenReply ? 432_000_000L : 120_000L;
      default -> 600_000L;
    };
  }

  void refresh(long now) {
    expires = now + timeout();
  }

  /** As {@code conntrack -L} writes it, without the timeout and counters. */
  @Override
  public String toString() {
    return orig + (seenReply ? " " : " [UNREPLIED] ") + reply;
  }
}
