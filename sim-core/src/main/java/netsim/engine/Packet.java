package netsim.engine;

import netsim.model.Ip4;

/**
 * An IPv4 packet as far as the model follows it: addresses, TTL, the ICMP header, its length (for
 * counters), its mark, and for an ICMP error the header of the packet it quotes.
 */
public record Packet(
    int src, int dst, int ttl, int proto, int icmpType, int icmpCode, int icmpId, int icmpSeq,
    int length, int mark, Packet inner) {

  public static final int ICMP = 1;
  public static final int ECHO_REPLY = 0;
  public static final int DEST_UNREACH = 3;
  public static final int ECHO_REQUEST = 8;
  public static final int TIME_EXCEEDED = 11;

  public static Packet echoRequest(int src, int dst, int ttl, int id, int seq, int payload) {
    return new Packet(src, dst, ttl, ICMP, ECHO_REQUEST, 0, id, seq, payload + 28, 0, null);
  }

  public boolean isIcmpError() {
    return proto == ICMP && (icmpType == DEST_UNREACH || icmpType == TIME_EXCEEDED
        || icmpType == 12 || icmpType == 4 || icmpType == 5);
  }

  public Packet withTtl(int t) {
    return new Packet(src, dst, t, proto, icmpType, icmpCode, icmpId, icmpSeq, length, mark,
        inner);
  }

  public Packet withAddrs(int s, int d) {
    return new Packet(s, d, ttl, proto, icmpType, icmpCode, icmpId, icmpSeq, length, mark, inner);
  }

  public Packet withSrc(int s) {
    return withAddrs(s, dst);
  }

  public Packet withInner(Packet i) {
    return new Packet(src, dst, ttl, proto, icmpType, icmpCode, icmpId, icmpSeq, length, mark, i);
  }

  /** A one-line description, as a trace shows it. */
  public String describe() {
    String what = switch (icmpType) {
      case ECHO_REQUEST -> "echo request";
      case ECHO_REPLY -> "echo reply";
      case DEST_UNREACH -> "destination unreachable (code " + icmpCode + ")";
      case TIME_EXCEEDED -> "time exceeded";
      default -> "type " + icmpType;
    };
    return Ip4.format(src) + " > " + Ip4.format(dst) + " icmp " + what
        + (icmpType == ECHO_REQUEST || icmpType == ECHO_REPLY ? " id " + icmpId + " seq "
        + icmpSeq : "") + " ttl " + ttl;
  }
}
