package netsim.netfilter;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One network namespace's netfilter: its iptables tables and its connection tracking, and the
 * one entry point the packet path calls at each hook.
 *
 * <p><b>Tables.</b> A namespace starts with none; iptables creates one, with all its built-in
 * chains, the first time it writes to it (E1). {@link #table} gives an existing table;
 * {@link #tableOrNew} one to edit, which joins the namespace through {@link #install} only once
 * the edit has succeeded.
 *
 * <p><b>Hooks.</b> {@link #hook} runs, in priority order, everything the kernel runs at a hook
 * ({@link Stage}): the raw table, conntrack's lookup, mangle, nat for destinations, filter,
 * security, nat for sources, and conntrack's confirmation. Conntrack, and with it NAT, runs only
 * while some rule of the namespace needs it (a NAT target, {@code -m conntrack} or {@code -m
 * state}, each of which takes a reference with {@code nf_ct_netns_get}); otherwise the nat chains
 * see nothing at all (E6, S1).
 */
public final class Netfilter {
  private final Map<TableKind, Table> tables = new EnumMap<>(TableKind.class);
  private final Conntrack conntrack = new Conntrack();
  private boolean trackingKnown;
  private boolean tracking;

  /** The table, if iptables has created it; null otherwise. */
  public Table table(TableKind kind) {
    return tables.get(kind);
  }

  /** The existing table, or a new one with empty built-in chains that is not yet installed. */
  public Table tableOrNew(TableKind kind) {
    Table t = tables.get(kind);
    return t != null ? t : new Table(kind, this::rulesChanged);
  }

  /** Makes a table from {@link #tableOrNew} part of the namespace (nothing if it already is). */
  public void install(Table t) {
    if (tables.get(t.kind()) != t) {
      tables.put(t.kind(), t);
      rulesChanged();
    }
  }

  /**
   * Whether no hook can do anything here: no table exists, so no rule, no counter and no
   * conntrack (which runs only for rules that need it). The packet path then skips the hooks.
   */
  public boolean idle() {
    return tables.isEmpty();
  }

  /** The tables that exist, in iptables-save's order. */
  public List<Table> tables() {
    return new ArrayList<>(tables.values());
  }

  public Conntrack conntrack() {
    return conntrack;
  }

  /** Whether conntrack runs in this namespace now: some rule of some table needs it. */
  public boolean tracking() {
    if (!trackingKnown) {
      tracking = false;
      for (Table t : tables.values()) {
        if (t.needsConntrack()) {
          tracking = true;
          break;
        }
      }
      trackingKnown = true;
    }
    return tracking;
  }

  private void rulesChanged() {
    trackingKnown = false;
  }

  /**
   * Runs a hook over a packet.
   *
   * @param hook where the stack is
   * @param packet the packet as the stack has it; carry the returned packet on to the next hook
   * @param nowMillis the model clock ({@code kernel.clock().now()}), for conntrack timeouts
   * @return the verdict, the packet as it leaves the hook, and what happened to it
   */
  public HookResult hook(Hook hook, NfPacket packet, long nowMillis) {
    List<NfEvent> events = new ArrayList<>();
    NfPacket p = packet;
    if (p.ct() != null && p.ct().owner != conntrack) {
      p = p.withCt(null); // skb_scrub_packet: another namespace's entry means nothing here
    }
    for (Stage s : Stage.at(hook)) {
      switch (s) {
        case CONNTRACK -> {
          if (tracking()) {
            p = conntrack.in(hook, p, nowMillis, events);
          }
        }
        case CONFIRM -> {
          if (p.ct() != null && !conntrack.confirm(hook, p.ct(), nowMillis, events)) {
            return new HookResult(Verdict.DROP, p, events);
          }
        }
        case NAT_DST, NAT_SRC -> {
          p = nat(hook, p, nowMillis, events);
          if (p == null) {
            return new HookResult(Verdict.DROP, packet, events);
          }
        }
        default -> {
          Table t = tables.get(s.table);
          if (t != null) {
            CompiledTable.Outcome o = t.compiled().run(hook, p, states(p), events);
            if (!o.verdict().accepted()) {
              return new HookResult(o.verdict(), p, events);
            }
          }
        }
      }
    }
    return new HookResult(Verdict.ACCEPT, p, events);
  }

  /** The conntrack states the state and conntrack matches see for this packet. */
  private static int states(NfPacket p) {
    CtRef ct = p.ct();
    if (ct == null) {
      return CtState.INVALID.bit();
    }
    int s = ct.info.state().bit();
    if (ct.conn.srcNat) {
      s |= CtState.SNAT.bit();
    }
    if (ct.conn.dstNat) {
      s |= CtState.DNAT.bit();
    }
    return s;
  }

  /**
   * {@code nf_nat_inet_fn}: an ICMP error about a flow is translated as the flow is; the first
   * packet of a flow runs the nat chain of this hook to decide the mapping of this side (no rule
   * means no change: the null binding); then the packet is rewritten. Returns null to drop.
   */
  private NfPacket nat(Hook hook, NfPacket p, long now, List<NfEvent> events) {
    CtRef ref = p.ct();
    if (ref == null) {
      return p;
    }
    Conn c = ref.conn;
    CtInfo info = ref.info;
    Hook.Manip m = hook.manip();
    if ((info == CtInfo.RELATED || info == CtInfo.RELATED_REPLY) && p.proto() == NfPacket.ICMP) {
      return Nat.icmpError(c, info, hook, p, events);
    }
    NfEvent.RuleMatched cause = null;
    boolean firstPacket = info == CtInfo.NEW || info == CtInfo.RELATED
        || info == CtInfo.RELATED_REPLY;
    if (firstPacket && !c.natDone(m)) {
      Table t = tables.get(TableKind.NAT);
      NatRange range = null;
      if (t != null) {
        CompiledTable.Outcome o = t.compiled().run(hook, p, states(p), events);
        if (!o.verdict().accepted()) {
          return null;
        }
        if (o.natTarget() != null) {
          cause = o.natRule();
          try {
            range = Nat.rangeFor(o.natTarget(), hook, p);
          } catch (Nat.NoMapping e) {
            events.add(new NfEvent.RuleMatched(hook, cause.table(), cause.chain(),
                cause.ruleNum(), cause.rule(), NfEvent.Action.DROPPED, "(" + e.getMessage() + ")"));
            return null;
          }
        }
      }
      Nat.setup(conntrack, c, m, range, now);
    }
    return Nat.apply(c, info, hook, p, cause, events);
  }
}
