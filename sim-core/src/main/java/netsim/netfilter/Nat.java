package netsim.netfilter;

import java.util.List;
import netsim.model.Device;
import netsim.model.IfAddr;
import netsim.model.Scope;

/**
 * Network address translation on top of conntrack (net/netfilter/nf_nat_core.c). A flow's
 * mapping is decided once per side, on its first packet, when that packet reaches the nat chain
 * of the hook ({@link #setup}, {@code nf_nat_setup_info}); from then on every packet of the flow,
 * both ways, is rewritten from the flow's tuples ({@link #apply}, {@code nf_nat_packet}), and ICMP
 * errors about it have both their own and the quoted header rewritten ({@link #icmpError},
 * {@code nf_nat_icmp_reply_translation}).
 */
final class Nat {
  private Nat() {}

  /** Why a mapping could not be made. */
  static final class NoMapping extends Exception {
    NoMapping(String why) {
      super(why, null, false, false);
    }
  }

  /**
   * The range a NAT target asks for this packet. MASQUERADE takes the address the egress device
   * would pick for the next hop ({@code nf_nat_masquerade_ipv4}: {@code inet_select_addr(out,
   * nexthop, RT_SCOPE_UNIVERSE)}); REDIRECT the incoming device's first address, or 127.0.0.1
   * for locally made packets ({@code nf_nat_redirect_ipv4}).
   */
  static NatRange rangeFor(Target t, Hook hook, NfPacket p) throws NoMapping {
    if (t instanceof Target.Snat s) {
      return s.range();
    }
    if (t instanceof Target.Dnat d) {
      return d.range();
    }
    if (t instanceof Target.Masquerade m) {
      Device out = p.out();
      if (out == null) {
        throw new NoMapping("MASQUERADE without an output device");
      }
      int nh = p.nexthop() != 0 ? p.nexthop() : p.dst();
      int a = out.ns().selectSrc(out, nh, Scope.UNIVERSE);
      if (a == 0) {
        throw new NoMapping(out.name() + " ate my IP address");
      }
      NatRange r = m.range();
      return new NatRange(a, a, r.minPort(), r.maxPort(), r.random(), false);
    }
    if (t instanceof Target.Redirect rd) {
      int a;
      if (hook == Hook.OUTPUT) {
        a = 0x7F000001;
      } else {
        Device in = p.in();
        List<IfAddr> addrs = in == null ? List.of() : in.addrs();
        if (addrs.isEmpty()) {
          throw new NoMapping("REDIRECT: no address on the incoming device");
        }
        a = addrs.get(0).local();
      }
      NatRange r = rd.range();
      return new NatRange(a, a, r.minPort(), r.maxPort(), r.random(), false);
    }
    throw new IllegalArgumentException("not a NAT target: " + t);
  }

  /**
   * {@code nf_nat_setup_info}: maps the flow's current tuple into the range on one side, keeps it
   * unique among the flows ({@code get_unique_tuple}), and makes the reply tuple the inverse of
   * the result. A null range is the null binding ({@code nf_nat_alloc_null_binding}): the
   * address stays, but the tuple must still be unique.
   */
  static void setup(Conntrack ct, Conn c, Hook.Manip m, NatRange range, long now) {
    Tuple curr = c.reply.invert();
    Tuple t = curr;
    if (range != null && range.hasAddr()) {
      t = m == Hook.Manip.SRC ? t.withSrc(pickAddr(t, range)) : t.withDst(pickAddr(t, range));
    }
    boolean protoSpecified = range != null && range.hasPorts();
    boolean keep;
    if (protoSpecified) {
      keep = keyInRange(t, m, range) && (range.minPort() == range.maxPort() || !used(ct, t, c, now));
    } else {
      keep = !used(ct, t, c, now);
    }
    if (!keep && t.hasKey()) {
      t = uniqueKey(ct, c, t, m, range, now);
    }
    c.reply = t.invert();
    if (!t.equals(curr)) {
      if (m == Hook.Manip.SRC) {
        c.srcNat = true;
      } else {
        c.dstNat = true;
      }
    }
    if (m == Hook.Manip.SRC) {
      c.srcNatDone = true;
    } else {
      c.dstNatDone = true;
    }
  }

  /** {@code nf_nat_used_tuple}: another flow already answers to the inverse of {@code t}. */
  private static boolean used(Conntrack ct, Tuple t, Conn c, long now) {
    return ct.taken(t.invert(), c, now);
  }

  /** The key NAT may move: the ICMP id, or the source/destination port for SRC/DST. */
  private static int key(Tuple t, Hook.Manip m) {
    if (t.proto() == NfPacket.ICMP) {
      return t.sport();
    }
    return m == Hook.Manip.SRC ? t.sport() : t.dport();
  }

  private static Tuple withKey(Tuple t, Hook.Manip m, int k) {
    if (t.proto() == NfPacket.ICMP || m == Hook.Manip.SRC) {
      return t.withSport(k);
    }
    return t.withDport(k);
  }

  private static boolean keyInRange(Tuple t, Hook.Manip m, NatRange r) {
    int k = key(t, m);
    return k >= r.minPort() && k <= r.maxPort();
  }

  /**
   * {@code nf_nat_l4proto_unique_tuple}: the first key in the range, walking from the current one,
   * that makes the tuple unique. The kernel starts its walk at a random offset for SNAT; the model
   * starts next to the current key, so that runs repeat.
   */
  private static Tuple uniqueKey(Conntrack ct, Conn c, Tuple t, Hook.Manip m, NatRange r,
      long now) {
    int min;
    int size;
    int cur = key(t, m);
    if (r != null && r.hasPorts()) {
      min = r.minPort();
      size = r.maxPort() - r.minPort() + 1;
    } else if (t.proto() == NfPacket.ICMP) {
      min = 0;
      size = 65536;
    } else if (m == Hook.Manip.DST) {
      return t; // a DNAT without ports never moves the port
    } else if (cur < 1024) {
      min = cur < 512 ? 1 : 600;
      size = cur < 512 ? 511 : 424;
    } else {
      min = 1024;
      size = 65536 - 1024;
    }
    int off = Math.floorMod(cur - min + 1, size);
    for (int i = 0; i < size; i++) {
      Tuple cand = withKey(t, m, min + (off + i) % size);
      if (!used(ct, cand, c, now)) {
        return cand;
      }
    }
    return t;
  }

  /**
   * {@code find_best_ips_proto}: one address is taken as it is; from a range, the address a hash
   * of the source (and, unless {@code --persistent}, the destination) picks, so that a client
   * keeps its address.
   */
  static int pickAddr(Tuple t, NatRange r) {
    if (r.minAddr() == r.maxAddr()) {
      return r.minAddr();
    }
    int initval = r.persistent() ? 0 : Integer.reverseBytes(t.dst());
    int j = Jhash.jhash2(new int[] {Integer.reverseBytes(t.src()), 0, 0, 0}, initval);
    long dist = (r.maxAddr() & 0xFFFFFFFFL) - (r.minAddr() & 0xFFFFFFFFL) + 1;
    long scaled = ((j & 0xFFFFFFFFL) * dist) >>> 32;
    return (int) ((r.minAddr() & 0xFFFFFFFFL) + scaled);
  }

  /**
   * {@code nf_nat_packet}: rewrites the side this hook handles when the flow's mapping changes it
   * in this direction, from the tuple of the other direction, inverted.
   *
   * @param cause the nat rule that just made the mapping (for the explanation), or null
   */
  static NfPacket apply(Conn c, CtInfo info, Hook hook, NfPacket p, NfEvent.RuleMatched cause,
      List<NfEvent> events) {
    Hook.Manip m = hook.manip();
    if (!c.translates(m, info.reply)) {
      return p;
    }
    Tuple target = c.tuple(!info.reply).invert();
    NfPacket out;
    int from;
    int to;
    if (m == Hook.Manip.SRC) {
      from = p.src();
      to = target.src();
      out = p.withSrc(to);
    } else {
      from = p.dst();
      to = target.dst();
      out = p.withDst(to);
    }
    out = withL4(out, target, m);
    events.add(new NfEvent.Translated(hook, m, from, to, cause, false));
    return out;
  }

  /** The ports or ICMP id of a target tuple, written into the packet. */
  private static NfPacket withL4(NfPacket p, Tuple target, Hook.Manip m) {
    switch (p.proto()) {
      case NfPacket.ICMP:
        return p.withPorts(p.sport(), p.dport(), target.sport());
      case NfPacket.TCP:
      case NfPacket.UDP:
        return m == Hook.Manip.SRC ? p.withPorts(target.sport(), p.dport(), p.icmpId())
            : p.withPorts(p.sport(), target.dport(), p.icmpId());
      default:
        return p;
    }
  }

  /**
   * {@code nf_nat_icmp_reply_translation}: for an ICMP error about a translated flow, the quoted
   * header is put back the way it looked on the other side of this box (the opposite manip, from
   * the other direction's tuple), and the error itself is addressed as a reply would be.
   */
  static NfPacket icmpError(Conn c, CtInfo info, Hook hook, NfPacket p, List<NfEvent> events) {
    Hook.Manip m = hook.manip();
    if (!c.translates(m, info.reply)) {
      return p;
    }
    Tuple other = c.tuple(!info.reply);
    NfPacket.Inner q = p.inner();
    NfPacket.Inner nq;
    if (m == Hook.Manip.SRC) {
      // the opposite manip on the quoted header: its destination
      nq = q.withDst(other.dst());
      if (q.proto() == NfPacket.TCP || q.proto() == NfPacket.UDP) {
        nq = nq.withPorts(q.sport(), other.dport(), q.icmpId());
      }
      events.add(new NfEvent.Translated(hook, Hook.Manip.DST, q.dst(), nq.dst(), null, true));
    } else {
      nq = q.withSrc(other.src());
      if (q.proto() == NfPacket.TCP || q.proto() == NfPacket.UDP) {
        nq = nq.withPorts(other.sport(), q.dport(), q.icmpId());
      }
      events.add(new NfEvent.Translated(hook, Hook.Manip.SRC, q.src(), nq.src(), null, true));
    }
    if (q.proto() == NfPacket.ICMP) {
      nq = nq.withPorts(q.sport(), q.dport(), other.sport());
    }
    Tuple target = other.invert();
    NfPacket out = p.withInner(nq);
    if (m == Hook.Manip.SRC) {
      events.add(new NfEvent.Translated(hook, m, p.src(), target.src(), null, false));
      out = out.withSrc(target.src());
    } else {
      events.add(new NfEvent.Translated(hook, m, p.dst(), target.dst(), null, false));
      out = out.withDst(target.dst());
    }
    return out;
  }
}
