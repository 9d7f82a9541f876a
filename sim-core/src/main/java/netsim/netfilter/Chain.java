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
  private final List<Entry> entries = new ArrayList<>();

  Chain(String name, Hook hook) {
    this.name = name;
    this.hook = hook;
    this.policy = hook == null ? null : new Target.Accept();
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
   * sends them. So a policy counts from the first {@code -P} on, and not before.
   */
  public boolean countsPolicy() {
    return countsPolicy;
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
  }

  /** Back to a fresh built-in chain: policy ACCEPT, not counting. */
  void resetPolicy() {
    this.policy = new Target.Accept();
    this.countsPolicy = false;
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
