package netsim.netfilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import netsim.engine.Hooks;
import netsim.engine.Packet;
import netsim.model.Device;
import netsim.model.NetNs;

/**
 * The packet engine's view of netfilter: each {@link Hooks#run} call becomes a
 * {@link Netfilter#hook} call in that namespace, with the engine's packet translated to and from
 * an {@link NfPacket}.
 *
 * <p>The engine's packets do not carry a conntrack reference, so this adapter carries it for
 * them ({@code skb->_nfct}): the hooks of one packet in one namespace come one after the other
 * (PREROUTING then INPUT or FORWARD, FORWARD or OUTPUT then POSTROUTING, POSTROUTING then
 * PREROUTING through lo), so a call that continues the previous call's packet in that namespace
 * gets its entry back. A packet arriving from a device other than lo, or made locally, starts
 * without one.
 */
public final class EngineHooks implements Hooks {

  /**
   * The packet the last hook returned in a namespace, with the hook it came from and the packet
   * as that hook got it.
   */
  private record InFlight(netsim.netfilter.Hook hook, NfPacket before, NfPacket packet) {}

  private final Map<NetNs, InFlight> inFlight = new WeakHashMap<>();

  /** The packet a namespace's netfilter saw last, whatever became of it: an error's cause. */
  private final Map<NetNs, NfPacket> lastSeen = new WeakHashMap<>();

  @Override
  public Verdict run(NetNs ns, Hooks.Hook h, Packet p, Device in, Device out, int nextHop,
      long now) {
    if (ns.netfilter().idle()) {
      // nothing to run, nothing to carry: the packet goes on as it is (no entry of this
      // namespace is in flight: entries are made only where tables exist, and tables stay)
      return new Verdict(Verdict.Kind.ACCEPT, p, 0, 0, null);
    }
    netsim.netfilter.Hook hook = netsim.netfilter.Hook.valueOf(h.name());
    NfPacket np = toNf(p, in, out, nextHop);
    InFlight prev = inFlight.remove(ns);
    NfPacket cause = lastSeen.get(ns);
    if (prev != null && continues(prev.hook, hook, in, prev.packet.out())
        && samePacket(sibling(prev.hook, hook) ? prev.before : prev.packet, np)) {
      np = np.withCt(prev.packet.ct());
    } else if (hook == netsim.netfilter.Hook.OUTPUT && np.isIcmpError() && cause != null
        && cause.ct() != null && quotes(np, cause)) {
      // icmp_glue_bits: nf_ct_attach gives an ICMP error the entry of the packet it quotes,
      // confirmed or not, as RELATED in the other direction; so NAT translates it back even
      // when its cause was dropped before its flow was confirmed
      np = np.withCt(cause.ct().relatedBack());
    }
    HookResult r = ns.netfilter().hook(hook, np, now);
    lastSeen.put(ns, r.packet());
    if (r.accepted() && hook != netsim.netfilter.Hook.INPUT) {
      inFlight.put(ns, new InFlight(hook, np, r.packet()));
    }
    Packet back = fromNf(p, r.packet());
    String why = explain(r.events());
    return switch (r.verdict().kind()) {
      case ACCEPT -> new Verdict(Verdict.Kind.ACCEPT, back, 0, 0, why);
      case DROP -> new Verdict(Verdict.Kind.DROP, back, 0, 0, why);
      case REJECT -> r.verdict().icmpType() < 0
          ? new Verdict(Verdict.Kind.DROP, back, 0, 0, why)
          : new Verdict(Verdict.Kind.REJECT, back, r.verdict().icmpType(),
              r.verdict().icmpCode(), why);
    };
  }

  /**
   * Whether {@code next} can be the hook after {@code prev} for the same packet. A packet never
   * comes back in on the device it left by, except the looped-back clone of a multicast or
   * broadcast ({@code dev_loopback_xmit}), which keeps its entry.
   */
  private static boolean continues(netsim.netfilter.Hook prev, netsim.netfilter.Hook next,
      Device in, Device prevOut) {
    return switch (prev) {
      case PREROUTING -> next == netsim.netfilter.Hook.INPUT
          || next == netsim.netfilter.Hook.FORWARD;
      case FORWARD, OUTPUT -> next == netsim.netfilter.Hook.POSTROUTING;
      // after POSTROUTING: the packet looped back through lo, or the original of a looped-back
      // multicast or broadcast clone (which passed POSTROUTING just before it, ip_mc_output)
      case POSTROUTING -> next == netsim.netfilter.Hook.POSTROUTING
          || (next == netsim.netfilter.Hook.PREROUTING && in != null
              && (in.isLoopback() || in == prevOut));
      case INPUT -> false;
    };
  }

  /**
   * Whether the two calls are a looped-back clone's POSTROUTING and its original's: the original
   * is what the clone was before the hook changed it (both share the entry, {@code skb_clone}).
   */
  private static boolean sibling(netsim.netfilter.Hook prev, netsim.netfilter.Hook next) {
    return prev == netsim.netfilter.Hook.POSTROUTING && next == netsim.netfilter.Hook.POSTROUTING;
  }

  /** Whether ICMP error {@code err} quotes {@code p}'s header. */
  private static boolean quotes(NfPacket err, NfPacket p) {
    NfPacket.Inner q = err.inner();
    return q != null && q.src() == p.src() && q.dst() == p.dst() && q.proto() == p.proto()
        && q.icmpId() == p.icmpId();
  }

  private static boolean samePacket(NfPacket a, NfPacket b) {
    return a.src() == b.src() && a.dst() == b.dst() && a.proto() == b.proto()
        && a.icmpType() == b.icmpType() && a.icmpCode() == b.icmpCode()
        && a.icmpId() == b.icmpId() && java.util.Objects.equals(a.inner(), b.inner());
  }

  static NfPacket toNf(Packet p, Device in, Device out, int nextHop) {
    NfPacket.Inner inner = null;
    if (p.inner() != null) {
      Packet q = p.inner();
      inner = new NfPacket.Inner(q.src(), q.dst(), q.proto(), 0, 0, q.icmpType(), q.icmpCode(),
          q.icmpId());
    }
    return new NfPacket(p.src(), p.dst(), p.proto(), 0, 0, 0, p.icmpType(), p.icmpCode(),
        p.icmpId(), p.ttl(), p.length(), in, out, nextHop, p.mark(), inner, null);
  }

  /** The engine's packet with what netfilter changed: addresses, the ICMP id, the quoted header. */
  static Packet fromNf(Packet orig, NfPacket n) {
    Packet inner = orig.inner();
    if (inner != null && n.inner() != null) {
      NfPacket.Inner q = n.inner();
      inner = new Packet(q.src(), q.dst(), inner.ttl(), inner.proto(), inner.icmpType(),
          inner.icmpCode(), q.icmpId(), inner.icmpSeq(), inner.length(), inner.mark(),
          inner.inner());
    }
    return new Packet(n.src(), n.dst(), orig.ttl(), orig.proto(), orig.icmpType(),
        orig.icmpCode(), n.icmpId(), orig.icmpSeq(), orig.length(), orig.mark(), inner);
  }

  /**
   * The events worth a step in the probe's trace: rules that decided or translated, a policy
   * that dropped, translations; null when nothing but default policies and bookkeeping happened.
   */
  static String explain(List<NfEvent> events) {
    List<String> parts = new ArrayList<>();
    for (NfEvent e : events) {
      if (e instanceof NfEvent.RuleMatched m && (m.action() == NfEvent.Action.COUNTED
          || m.action() == NfEvent.Action.LOGGED)) {
        continue;
      }
      if (e instanceof NfEvent.PolicyApplied pa && pa.policy().equals("ACCEPT")) {
        continue;
      }
      if (e instanceof NfEvent.Tracked t && t.state() != CtState.INVALID) {
        continue;
      }
      if (e instanceof NfEvent.Confirmed) {
        continue;
      }
      parts.add(e.describe());
    }
    return parts.isEmpty() ? null : String.join("; ", parts);
  }
}
