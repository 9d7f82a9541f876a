package netsim.netfilter;

import netsim.model.Ip4;

/**
 * A conntrack tuple ({@code struct nf_conntrack_tuple}): what identifies one direction of a flow.
 * For TCP and UDP the ports; for ICMP the identifier (kept in {@code src.u.icmp.id} in both
 * directions), type and code. Other protocols are tracked by addresses alone.
 */
record Tuple(int src, int dst, int proto, int sport, int dport, int type, int code) {

  /** The tuple of a packet's own header ({@code nf_ct_get_tuple}). */
  static Tuple of(NfPacket p) {
    return switch (p.proto()) {
      case NfPacket.ICMP -> new Tuple(p.src(), p.dst(), p.proto(), p.icmpId(), 0, p.icmpType(),
          p.icmpCode());
      case NfPacket.TCP, NfPacket.UDP -> new Tuple(p.src(), p.dst(), p.proto(), p.sport(),
          p.dport(), 0, 0);
      default -> new Tuple(p.src(), p.dst(), p.proto(), 0, 0, 0, 0);
    };
  }

  /** The tuple of a header quoted in an ICMP error. */
  static Tuple of(NfPacket.Inner q) {
    return switch (q.proto()) {
      case NfPacket.ICMP -> new Tuple(q.src(), q.dst(), q.proto(), q.icmpId(), 0, q.icmpType(),
          q.icmpCode());
      case NfPacket.TCP, NfPacket.UDP -> new Tuple(q.src(), q.dst(), q.proto(), q.sport(),
          q.dport(), 0, 0);
      default -> new Tuple(q.src(), q.dst(), q.proto(), 0, 0, 0, 0);
    };
  }

  /**
   * The tuple of the answer ({@code nf_ct_invert_tuple}): addresses and ports swapped; an ICMP
   * query type becomes its reply type ({@code invmap} in {@code icmp_invert_tuple}). Returns null
   * for an ICMP type that has no reply, which conntrack cannot track.
   */
  Tuple invert() {
    if (proto == NfPacket.ICMP) {
      int inv = icmpInverse(type);
      if (inv < 0) {
        return null;
      }
      return new Tuple(dst, src, proto, sport, 0, inv, code);
    }
    return new Tuple(dst, src, proto, dport, sport, 0, 0);
  }

  /** {@code invmap}: echo 8/0, timestamp 13/14, info 15/16, address mask 17/18; else -1. */
  static int icmpInverse(int type) {
    return switch (type) {
      case 8 -> 0;
      case 0 -> 8;
      case 13 -> 14;
      case 14 -> 13;
      case 15 -> 16;
      case 16 -> 15;
      case 17 -> 18;
      case 18 -> 17;
      default -> -1;
    };
  }

  /**
   * The ICMP types that may open a flow ({@code valid_new} in {@code nf_conntrack_icmp_packet}):
   * the four queries. A reply or anything else with no flow is INVALID.
   */
  static boolean icmpMayOpen(int type) {
    return type == 8 || type == 13 || type == 15 || type == 17;
  }

  /** The port-like key NAT may change to keep tuples unique: the ICMP id or the L4 port. */
  boolean hasKey() {
    return proto == NfPacket.ICMP || proto == NfPacket.TCP || proto == NfPacket.UDP;
  }

  Tuple withSrc(int a) {
    return new Tuple(a, dst, proto, sport, dport, type, code);
  }

  Tuple withDst(int a) {
    return new Tuple(src, a, proto, sport, dport, type, code);
  }

  Tuple withSport(int p) {
    return new Tuple(src, dst, proto, p, dport, type, code);
  }

  Tuple withDport(int p) {
    return new Tuple(src, dst, proto, sport, p, type, code);
  }

  /** As {@code conntrack -L} writes a tuple: {@code src=A dst=B type=8 code=0 id=7}. */
  @Override
  public String toString() {
    String a = "src=" + Ip4.format(src) + " dst=" + Ip4.format(dst);
    return switch (proto) {
      case NfPacket.ICMP -> a + " type=" + type + " code=" + code + " id=" + sport;
      case NfPacket.TCP, NfPacket.UDP -> a + " sport=" + sport + " dport=" + dport;
      default -> a;
    };
  }
}
