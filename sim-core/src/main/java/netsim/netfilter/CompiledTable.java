package netsim.netfilter;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A table laid out the way {@code ip_tables} lays out its blob: every chain's rules in one array,
 * each built-in chain ending in its policy (the "underflow"), each user chain ending in an
 * implicit RETURN, and jumps resolved to array indexes. {@link #run} interprets it as
 * {@code nft_do_chain} does, with a jump stack of {@link Table#NFT_JUMP_STACK_SIZE}. Built from a
 * {@link Table} after each change; the counters are the table's own.
 */
final class CompiledTable {

  private enum Kind { RULE, POLICY, END }

  /** One slot of the array. */
  private record Op(Kind kind, String chain, int ruleNum, Rule rule, Counters counters,
      Target policy, String text, boolean counts) {}

  private final TableKind table;
  private final Op[] ops;
  private final int[] jumpTo;
  private final Map<Hook, Integer> entry = new EnumMap<>(Hook.class);
  private final Map<Hook, Integer> underflow = new EnumMap<>(Hook.class);

  private CompiledTable(TableKind table, Op[] ops, int[] jumpTo) {
    this.table = table;
    this.ops = ops;
    this.jumpTo = jumpTo;
  }

  static CompiledTable compile(Table t) {
    List<Op> ops = new ArrayList<>();
    Map<String, Integer> start = new HashMap<>();
    Map<Hook, Integer> entries = new EnumMap<>(Hook.class);
    Map<Hook, Integer> underflows = new EnumMap<>(Hook.class);
    for (Chain c : t.chains()) {
      start.put(c.name(), ops.size());
      if (c.builtin()) {
        entries.put(c.hook(), ops.size());
      }
      int n = 1;
      for (Chain.Entry e : c.entries()) {
        ops.add(new Op(Kind.RULE, c.name(), n++, e.rule(), e.counters(), null,
            RuleText.save(c.name(), e.rule()), true));
      }
      if (c.builtin()) {
        underflows.put(c.hook(), ops.size());
        ops.add(new Op(Kind.POLICY, c.name(), 0, null, c.policyCounters(), c.policy(), null,
            c.countsPolicy()));
      } else {
        ops.add(new Op(Kind.END, c.name(), 0, null, null, null, null, false));
      }
    }
    int[] jumps = new int[ops.size()];
    for (int i = 0; i < ops.size(); i++) {
      Op op = ops.get(i);
      String j = op.rule == null ? null : op.rule.jumpTarget();
      jumps[i] = j == null ? -1 : start.get(j);
    }
    CompiledTable ct = new CompiledTable(t.kind(), ops.toArray(new Op[0]), jumps);
    ct.entry.putAll(entries);
    ct.underflow.putAll(underflows);
    return ct;
  }

  /**
   * What the chains decided. For a NAT target, the target and the rule that chose it (as a
   * {@link NfEvent.Action#TRANSLATED} event the caller reports once it knows the mapping).
   */
  record Outcome(Verdict verdict, Target natTarget, NfEvent.RuleMatched natRule) {
    static Outcome of(Verdict v) {
      return new Outcome(v, null, null);
    }
  }

  /**
   * Runs the built-in chain of {@code hook} over the packet ({@code nft_do_chain}): each rule
   * whose tests pass counts the packet and applies its target; a call pushes the next rule on the
   * jump stack, a goto does not; falling off a user chain or RETURN pops it, and with an empty
   * stack the policy decides. A NAT target ends the walk and hands the mapping back.
   *
   * @param states the packet's conntrack states ({@link CtState} bits)
   */
  Outcome run(Hook hook, NfPacket p, int states, List<NfEvent> events) {
    Integer start = entry.get(hook);
    if (start == null) {
      return Outcome.of(Verdict.ACCEPT);
    }
    int[] stack = new int[Table.NFT_JUMP_STACK_SIZE];
    int sp = 0;
    int i = start;
    while (true) {
      Op op = ops[i];
      if (op.kind == Kind.POLICY) {
        if (op.counts) {
          op.counters.count(p.length());
        }
        events.add(new NfEvent.PolicyApplied(hook, table, op.chain, op.policy.name()));
        return Outcome.of(op.policy instanceof Target.Drop ? Verdict.DROP : Verdict.ACCEPT);
      }
      if (op.kind == Kind.END) {
        i = sp == 0 ? underflow.get(hook) : stack[--sp];
        continue;
      }
      if (!op.rule.matches(p, states)) {
        i++;
        continue;
      }
      op.counters.count(p.length());
      Target t = op.rule.target();
      if (t == null) {
        events.add(hit(hook, op, NfEvent.Action.COUNTED, ""));
        i++;
      } else if (t instanceof Target.Accept) {
        events.add(hit(hook, op, NfEvent.Action.ACCEPTED, ""));
        return Outcome.of(Verdict.ACCEPT);
      } else if (t instanceof Target.Drop) {
        events.add(hit(hook, op, NfEvent.Action.DROPPED, ""));
        return Outcome.of(Verdict.DROP);
      } else if (t instanceof Target.Reject r) {
        events.add(hit(hook, op, NfEvent.Action.REJECTED, "with " + r.with().text));
        return Outcome.of(Verdict.reject(r.with()));
      } else if (t instanceof Target.Return) {
        events.add(hit(hook, op, NfEvent.Action.RETURNED, ""));
        i = sp == 0 ? underflow.get(hook) : stack[--sp];
      } else if (t instanceof Target.Jump j) {
        if (!j.goTo()) {
          if (sp == stack.length) {
            // cannot happen in a table that passed validation; the kernel drops (nft_do_chain)
            return Outcome.of(Verdict.DROP);
          }
          stack[sp++] = i + 1;
        }
        events.add(hit(hook, op, j.goTo() ? NfEvent.Action.WENT : NfEvent.Action.JUMPED,
            j.chain()));
        i = jumpTo[i];
      } else if (t instanceof Target.Log) {
        events.add(hit(hook, op, NfEvent.Action.LOGGED, ""));
        i++;
      } else {
        return new Outcome(Verdict.ACCEPT, t, hit(hook, op, NfEvent.Action.TRANSLATED, ""));
      }
    }
  }

  private NfEvent.RuleMatched hit(Hook hook, Op op, NfEvent.Action a, String detail) {
    return new NfEvent.RuleMatched(hook, table, op.chain, op.ruleNum, op.text, a, detail);
  }
}
