package netsim.netfilter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A chain: built-in (attached to a hook, with a policy and the policy's counters) or user-defined
 * (reached only by jumps; falling off its end returns to the caller). Its rules carry their own
 * counters.
 */
public final class Chain {

  /** A rule in its place, with the counters of the packets it matched. */
  public record Entry(Rule rule, Counters counters) {}

  private String name;
  private final Hook hook;
  private Target policy;
  private final Counters policyCounters = new Counters();
  /** Whether the policy counts packets: only once {@code -P} has set it (see {@link #countsPolicy}). */
  private boolean countsPolicy;
  /**
   * Whether the chain exists in the kernel. User chains do from {@code -N} on; iptables-nft makes
   * a built-in chain only when a command names it ({@code -A}, {@code -I}, {@code -P}, {@code -F
   * CHAIN}, {@code -L -Z}) or flushes verbosely, and lists a missing one as if it were there.
   */
  private boolean present;
  private final List<Entry> entries = new ArrayList<>();

  Chain(String name, Hook hook) {
    this.name = name;
    this.hook = hook;
    this.policy = hook == null ? null : new Target.Accept();
    this.present = hook == null;
  }

  public String name() {
    return name;
  }

  /** The hook of a built-in chain, or null for a user chain. */
  public Hook hook() {
    return hook;
  }

  public boolean builtin() {
    return hook != null;
  }

  /** ACCEPT or DROP for a built-in chain; null for a user chain. */
  public Target policy() {
    return policy;
  }

  public Counters policyCounters() {
    return policyCounters;
  }

  /**
   * Whether packets the policy decides are counted. iptables-nft creates built-in chains without
   * counters, and the kernel counts a base chain's policy only when the chain has them
   * ({@code nft_update_chain_stats} runs for chains with {@code NFTA_CHAIN_COUNTERS}); {@code -P}
   * sends them, and so does {@code -Z} of the chain. So a policy counts from the first {@code -P}
   * or {@code -Z} on, and not before.
   */
  public boolean countsPolicy() {
    return countsPolicy;
  }

  /** Whether the chain exists in the kernel (see {@link #present}). */
  public boolean present() {
    return present;
  }

  public List<Entry> entries() {
    return Collections.unmodifiableList(entries);
  }

  public int size() {
    return entries.size();
  }

  // ------------------------------------------------------------------ mutation (by Table)

  void setName(String n) {
    this.name = n;
  }

  void setPolicy(Target t) {
    this.policy = t;
    this.countsPolicy = true;
    this.present = true;
  }

  /** The chain is made in the kernel (nothing if it is there already). */
  void makePresent() {
    this.present = true;
  }

  /**
   * {@code -Z} of a chain in the kernel: iptables-nft zeroes a built-in chain's counters by
   * sending them ({@code NFTA_CHAIN_COUNTERS}), so its policy counts from then on.
   */
  void zeroCounting() {
    policyCounters.zero();
    for (Entry e : entries) {
      e.counters().zero();
    }
    if (hook != null) {
      countsPolicy = true;
    }
  }

  /** Back to a missing built-in chain: policy ACCEPT, not counting. */
  void resetPolicy() {
    this.policy = new Target.Accept();
    this.countsPolicy = false;
    this.present = false;
    policyCounters.zero();
  }

  List<Entry> mutableEntries() {
    return entries;
  }

  @Override
  public String toString() {
    return (hook == null ? "" : "builtin ") + name + " " + entries.size() + " rules";
  }
}
