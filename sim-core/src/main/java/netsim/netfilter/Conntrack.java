package netsim.netfilter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One namespace's connection tracking ({@code net->ct}): the table of confirmed flows, indexed by
 * both their tuples as {@code nf_conntrack_hash} is, with lazy expiry against the model clock.
 *
 * <p>A packet is looked up as it enters netfilter ({@link #in}, {@code nf_conntrack_in}, at
 * PREROUTING and OUTPUT). One that starts a flow gets a new, unconfirmed entry, which joins the
 * table only if the packet gets all the way through ({@link #confirm}, at INPUT and
 * POSTROUTING): a packet dropped on the way leaves nothing behind (E7). An ICMP error is RELATED
 * to the flow whose packet it quotes. What fits no flow is INVALID: it carries no entry.
 */
public final class Conntrack {
  private final Map<Tuple, Conn> hash = new LinkedHashMap<>();

  /**
   * {@code nf_conntrack_in}: attaches the packet's entry, making one when the packet may start a
   * flow. A packet that already carries an entry of this namespace (it looped through lo) keeps
   * it, as {@code nf_conntrack_in} ignores a packet it has seen.
   */
  NfPacket in(Hook hook, NfPacket p, long now, List<NfEvent> events) {
    if (p.ct() != null) {
      return p;
    }
    CtRef ref = p.isIcmpError() ? related(p, now) : track(p, now);
    if (ref == null) {
      events.add(new NfEvent.Tracked(hook, CtState.INVALID, false, ""));
      return p;
    }
    events.add(new NfEvent.Tracked(hook, ref.info.state(), ref.info.reply, ref.conn.orig.toString()));
    return p.withCt(ref);
  }

  /**
   * {@code nf_conntrack_inet_error}: the quoted header, inverted, must be a tuple of a known flow,
   * and the error must be addressed where that direction of the flow goes; else INVALID.
   */
  private CtRef related(NfPacket p, long now) {
    Tuple quoted = Tuple.of(p.inner());
    Tuple inv = quoted.invert();
    if (inv == null) {
      return null;
    }
    Conn c = lookup(inv, now);
    if (c == null) {
      return null;
    }
    boolean reply = c.reply.equals(inv) && !c.orig.equals(inv);
    if (c.tuple(reply).dst() != p.dst()) {
      return null;
    }
    return new CtRef(this, c, reply ? CtInfo.RELATED_REPLY : CtInfo.RELATED);
  }

  /** {@code resolve_normal_ct}: the packet's flow, or a new one when it may start one. */
  private CtRef track(NfPacket p, long now) {
    if (p.proto() == NfPacket.ICMP && NfPacket.isIcmpError(p.icmpType())) {
      return null; // an error that quotes nothing
    }
    Tuple t = Tuple.of(p);
    Conn c = lookup(t, now);
    if (c != null) {
      boolean reply = !c.orig.equals(t);
      CtInfo info;
      if (reply) {
        c.seenReply = true;
        info = CtInfo.ESTABLISHED_REPLY;
      } else {
        info = c.seenReply ? CtInfo.ESTABLISHED : CtInfo.NEW;
      }
      c.refresh(now);
      return new CtRef(this, c, info);
    }
    if (p.proto() == NfPacket.ICMP && !Tuple.icmpMayOpen(p.icmpType())) {
      return null;
    }
    Tuple inv = t.invert();
    if (inv == null) {
      return null;
    }
    Conn fresh = new Conn(t, inv);
    fresh.refresh(now);
    return new CtRef(this, fresh, CtInfo.NEW);
  }

  /**
   * {@code __nf_conntrack_confirm}: the packet left netfilter, so its new flow joins the table.
   * Returns false when another flow took one of its tuples meanwhile (the kernel drops then).
   */
  boolean confirm(Hook hook, CtRef ref, long now, List<NfEvent> events) {
    Conn c = ref.conn;
    if (c.confirmed || ref.info.reply) {
      // an unconfirmed entry is confirmed only by a packet of its original direction; an ICMP
      // error that carries it back (nf_ct_attach) leaves it unconfirmed
      return true;
    }
    if (lookup(c.orig, now) != null || lookup(c.reply, now) != null) {
      return false;
    }
    c.confirmed = true;
    c.refresh(now);
    hash.put(c.orig, c);
    hash.put(c.reply, c);
    events.add(new NfEvent.Confirmed(hook, c.toString()));
    return true;
  }

  /** A confirmed flow with this tuple in either direction, dropping it if it has expired. */
  private Conn lookup(Tuple t, long now) {
    Conn c = hash.get(t);
    if (c != null && c.expires <= now) {
      remove(c);
      return null;
    }
    return c;
  }

  private void remove(Conn c) {
    hash.remove(c.orig, c);
    hash.remove(c.reply, c);
  }

  /**
   * {@code nf_conntrack_tuple_taken}: whether a flow other than {@code ignore} already uses
   * {@code t} in either direction, so that NAT must find another mapping.
   */
  boolean taken(Tuple t, Conn ignore, long now) {
    Conn c = lookup(t, now);
    return c != null && c != ignore;
  }

  /** The live flows, oldest first, as {@code conntrack -L} writes their tuples. */
  public List<String> flows(long now) {
    Set<Conn> live = new LinkedHashSet<>();
    for (Conn c : new ArrayList<>(hash.values())) {
      if (c.expires <= now) {
        remove(c);
      } else {
        live.add(c);
      }
    }
    List<String> out = new ArrayList<>();
    for (Conn c : live) {
      out.add(c.toString());
    }
    return out;
  }
}
