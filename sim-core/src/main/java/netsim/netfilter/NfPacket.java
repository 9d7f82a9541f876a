package netsim.netfilter;

import netsim.model.Device;
import netsim.model.Ip4;

/**
 * What netfilter sees of an IPv4 packet at a hook: the parts of the headers its matches, conntrack
 * and NAT read or write, plus the devices and next hop the stack has chosen so far.
 *
 * <p>The engine makes one at the first hook a packet reaches in a namespace, and hands the packet
 * each hook returns ({@link HookResult#packet()}) on to the next hook of the same namespace,
 * changing only what the stack itself changes (ttl, devices, next hop). That packet carries its
 * conntrack entry in {@link #ct()}, as an {@code sk_buff} carries {@code _nfct}; an entry of
 * another namespace is ignored ({@code skb_scrub_packet} drops it when a packet crosses a veth).
 *
 * @param src source address
 * @param dst destination address
 * @param proto IP protocol: 1 icmp, 6 tcp, 17 udp, or any other number
 * @param sport TCP/UDP source port, else 0
 * @param dport TCP/UDP destination port, else 0
 * @param tcpFlags TCP flags (FIN 0x01, SYN 0x02, RST 0x04, PSH 0x08, ACK 0x10, URG 0x20), else 0
 * @param icmpType ICMP type, else 0
 * @param icmpCode ICMP code, else 0
 * @param icmpId the echo (or timestamp, info, address-mask) identifier, which conntrack uses as
 *     a port; else 0
 * @param ttl time to live
 * @param length IP total length in bytes, which the counters count (84 for a default ping)
 * @param in the device it came in on (PREROUTING, INPUT, FORWARD), else null
 * @param out the device it leaves by (FORWARD, OUTPUT, POSTROUTING), else null
 * @param nexthop the address of the next hop (the gateway, or the destination when on-link) at
 *     POSTROUTING; MASQUERADE picks its source by it. 0 when unknown
 * @param mark the packet mark ({@code skb->mark})
 * @param inner for an ICMP error (types 3, 4, 5, 11, 12), the header it quotes, else null
 * @param ct the conntrack entry netfilter attached, or null; set by netfilter only
 */
public record NfPacket(
    int src, int dst, int proto, int sport, int dport, int tcpFlags,
    int icmpType, int icmpCode, int icmpId,
    int ttl, int length, Device in, Device out, int nexthop, int mark,
    Inner inner, CtRef ct) {

  public static final int ICMP = 1;
  public static final int TCP = 6;
  public static final int UDP = 17;

  /** ICMP types that quote the packet they answer ({@code icmp_is_err}). */
  public static boolean isIcmpError(int type) {
    return type == 3 || type == 4 || type == 5 || type == 11 || type == 12;
  }

  /**
   * The header an ICMP error quotes: the first bytes of the packet it answers, as that packet was
   * when it was refused (so after any NAT done before that point).
   */
  public record Inner(int src, int dst, int proto, int sport, int dport, int icmpType,
      int icmpCode, int icmpId) {

    /** The quoted header of {@code p}, as an ICMP error about it would carry it. */
    public static Inner of(NfPacket p) {
      return new Inner(p.src, p.dst, p.proto, p.sport, p.dport, p.icmpType, p.icmpCode, p.icmpId);
    }

    public Inner withSrc(int a) {
      return new Inner(a, dst, proto, sport, dport, icmpType, icmpCode, icmpId);
    }

    public Inner withDst(int a) {
      return new Inner(src, a, proto, sport, dport, icmpType, icmpCode, icmpId);
    }

    Inner withPorts(int sp, int dp, int id) {
      return new Inner(src, dst, proto, sp, dp, icmpType, icmpCode, id);
    }
  }

  // ------------------------------------------------------------------------- factories

  /** An ICMP echo request with ping's default size (56 data bytes: 84 in all). */
  public static NfPacket echoRequest(int src, int dst, int id) {
    return icmp(src, dst, 8, 0, id, 84);
  }

  /** The echo reply to an echo request. */
  public static NfPacket echoReply(int src, int dst, int id) {
    return icmp(src, dst, 0, 0, id, 84);
  }

  /** An ICMP message that is not an error. */
  public static NfPacket icmp(int src, int dst, int type, int code, int id, int length) {
    return new NfPacket(src, dst, ICMP, 0, 0, 0, type, code, id, 64, length, null, null, 0, 0,
        null, null);
  }

  /**
   * An ICMP error from {@code src} to {@code dst} about {@code quoted}; its length is what
   * {@code icmp_send} builds: 20 + 8 bytes of headers plus the quoted packet (at most 548).
   */
  public static NfPacket icmpError(int src, int dst, int type, int code, NfPacket quoted) {
    int len = 28 + Math.min(quoted.length, 548);
    return new NfPacket(src, dst, ICMP, 0, 0, 0, type, code, 0, 64, len, null, null, 0, 0,
        Inner.of(quoted), null);
  }

  public static NfPacket udp(int src, int dst, int sport, int dport, int length) {
    return new NfPacket(src, dst, UDP, sport, dport, 0, 0, 0, 0, 64, length, null, null, 0, 0,
        null, null);
  }

  public static NfPacket tcp(int src, int dst, int sport, int dport, int flags, int length) {
    return new NfPacket(src, dst, TCP, sport, dport, flags, 0, 0, 0, 64, length, null, null, 0, 0,
        null, null);
  }

  // ------------------------------------------------------------------------- withers

  public NfPacket withSrc(int a) {
    return new NfPacket(a, dst, proto, sport, dport, tcpFlags, icmpType, icmpCode, icmpId, ttl,
        length, in, out, nexthop, mark, inner, ct);
  }

  public NfPacket withDst(int a) {
    return new NfPacket(src, a, proto, sport, dport, tcpFlags, icmpType, icmpCode, icmpId, ttl,
        length, in, out, nexthop, mark, inner, ct);
  }

  public NfPacket withIn(Device d) {
    return new NfPacket(src, dst, proto, sport, dport, tcpFlags, icmpType, icmpCode, icmpId, ttl,
        length, d, out, nexthop, mark, inner, ct);
  }

  public NfPacket withOut(Device d) {
    return new NfPacket(src, dst, proto, sport, dport, tcpFlags, icmpType, icmpCode, icmpId, ttl,
        length, in, d, nexthop, mark, inner, ct);
  }

  /** The devices the stack chose for the next hook: {@code in} and {@code out} (either null). */
  public NfPacket withDevices(Device inDev, Device outDev) {
    return new NfPacket(src, dst, proto, sport, dport, tcpFlags, icmpType, icmpCode, icmpId, ttl,
        length, inDev, outDev, nexthop, mark, inner, ct);
  }

  public NfPacket withNexthop(int nh) {
    return new NfPacket(src, dst, proto, sport, dport, tcpFlags, icmpType, icmpCode, icmpId, ttl,
        length, in, out, nh, mark, inner, ct);
  }

  public NfPacket withTtl(int t) {
    return new NfPacket(src, dst, proto, sport, dport, tcpFlags, icmpType, icmpCode, icmpId, t,
        length, in, out, nexthop, mark, inner, ct);
  }

  public NfPacket withLength(int len) {
    return new NfPacket(src, dst, proto, sport, dport, tcpFlags, icmpType, icmpCode, icmpId, ttl,
        len, in, out, nexthop, mark, inner, ct);
  }

  public NfPacket withMark(int m) {
    return new NfPacket(src, dst, proto, sport, dport, tcpFlags, icmpType, icmpCode, icmpId, ttl,
        length, in, out, nexthop, m, inner, ct);
  }

  /** The same packet with no conntrack entry, as it arrives in another namespace. */
  public NfPacket withoutCt() {
    return withCt(null);
  }

  NfPacket withCt(CtRef c) {
    return new NfPacket(src, dst, proto, sport, dport, tcpFlags, icmpType, icmpCode, icmpId, ttl,
        length, in, out, nexthop, mark, inner, c);
  }

  NfPacket withPorts(int sp, int dp, int id) {
    return new NfPacket(src, dst, proto, sp, dp, tcpFlags, icmpType, icmpCode, id, ttl,
        length, in, out, nexthop, mark, inner, ct);
  }

  NfPacket withInner(Inner i) {
    return new NfPacket(src, dst, proto, sport, dport, tcpFlags, icmpType, icmpCode, icmpId, ttl,
        length, in, out, nexthop, mark, i, ct);
  }

  /** Whether this is an ICMP error that quotes another packet. */
  public boolean isIcmpError() {
    return proto == ICMP && isIcmpError(icmpType) && inner != null;
  }

  /** A short text for explanations: {@code icmp 10.0.1.2 -> 10.0.2.2 type 8 id 7}. */
  public String summary() {
    String a = Ip4.format(src) + " -> " + Ip4.format(dst);
    return switch (proto) {
      case ICMP -> "icmp " + a + " type " + icmpType + " code " + icmpCode
          + (isIcmpError() ? "" : " id " + icmpId);
      case TCP -> "tcp " + Ip4.format(src) + ":" + sport + " -> " + Ip4.format(dst) + ":" + dport;
      case UDP -> "udp " + Ip4.format(src) + ":" + sport + " -> " + Ip4.format(dst) + ":" + dport;
      default -> "proto " + proto + " " + a;
    };
  }
}
