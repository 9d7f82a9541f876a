package netsim.netfilter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import netsim.netfilter.NfException.Reason;

/**
 * One table of one namespace: its built-in chains (one per hook it attaches to) and its user
 * chains, edited the way iptables-nft edits them. Each operation either succeeds whole or throws
 * an {@link NfException} and leaves the table as it was.
 *
 * <p>After every change the table is checked as {@code nft_table_validate} checks it when the
 * transaction commits: from each built-in chain, following jumps, every target must be allowed
 * at that chain's hook ({@code xt_check_target}), and no chain may sit
 * {@value #NFT_JUMP_STACK_SIZE} jumps deep ({@code nft_chain_validate}; a loop is infinitely
 * deep, so it fails the same way, with EMLINK).
 */
public final class Table {

  /**
   * {@code NFT_JUMP_STACK_SIZE} (include/net/netfilter/nf_tables.h): the depth of the jump stack
   * {@code nft_do_chain} keeps; a chain may be at most this minus one jumps below a base chain.
   */
  public static final int NFT_JUMP_STACK_SIZE = 16;

  private final TableKind kind;
  private final Map<String, Chain> chains = new LinkedHashMap<>();
  private CompiledTable compiled;
  private final Runnable onChange;

  Table(TableKind kind, Runnable onChange) {
    this.kind = kind;
    this.onChange = onChange;
    for (Hook h : kind.hooks) {
      chains.put(h.name(), new Chain(h.name(), h));
    }
  }

  public TableKind kind() {
    return kind;
  }

  /** The chain called {@code name}, or null. */
  public Chain chain(String name) {
    return chains.get(name);
  }

  /**
   * The chains as iptables lists them: built-in ones in hook order, then user chains by name
   * (byte order, as strcmp sorts them).
   */
  public List<Chain> chains() {
    List<Chain> out = new ArrayList<>();
    TreeMap<String, Chain> user = new TreeMap<>();
    for (Chain c : chains.values()) {
      if (c.builtin()) {
        out.add(c);
      } else {
        user.put(c.name(), c);
      }
    }
    out.addAll(user.values());
    return Collections.unmodifiableList(out);
  }

  /** How many rules jump or go to {@code chain} (what {@code -L} shows as references). */
  public int references(String chain) {
    int n = 0;
    for (Chain c : chains.values()) {
      for (Chain.Entry e : c.entries()) {
        if (chain.equals(e.rule().jumpTarget())) {
          n++;
        }
      }
    }
    return n;
  }

  // ------------------------------------------------------------------------------ rules

  /** {@code -A}. */
  public void append(String chain, Rule r) {
    Chain c = require(chain);
    add(c, c.size(), r);
  }

  /** {@code -I CHAIN POS}, counting from 1; one past the end appends. */
  public void insert(String chain, int pos, Rule r) {
    Chain c = require(chain);
    if (pos < 1 || pos > c.size() + 1) {
      throw new NfException(Reason.E2BIG, false, chain);
    }
    add(c, pos - 1, r);
  }

  /** {@code -R CHAIN POS}: the new rule starts with fresh counters. */
  public void replace(String chain, int pos, Rule r) {
    Chain c = require(chain);
    if (pos < 1 || pos > c.size()) {
      throw new NfException(Reason.E2BIG, false, chain);
    }
    checkRule(c, r);
    List<Chain.Entry> es = c.mutableEntries();
    Chain.Entry old = es.set(pos - 1, new Chain.Entry(r, new Counters()));
    try {
      validate(chain);
    } catch (NfException e) {
      es.set(pos - 1, old);
      throw e;
    }
    changed();
  }

  /** {@code -D CHAIN POS}. */
  public void delete(String chain, int pos) {
    Chain c = require(chain);
    if (pos < 1 || pos > c.size()) {
      throw new NfException(Reason.E2BIG, false, chain);
    }
    c.mutableEntries().remove(pos - 1);
    changed();
  }

  /** {@code -D CHAIN RULE}: the first rule equal to it. */
  public void delete(String chain, Rule r) {
    Chain c = require(chain);
    List<Chain.Entry> es = c.mutableEntries();
    for (int i = 0; i < es.size(); i++) {
      if (es.get(i).rule().equals(r)) {
        es.remove(i);
        changed();
        return;
      }
    }
    throw new NfException(Reason.ENOENT, false, chain);
  }

  /** {@code -C CHAIN RULE}: whether the chain holds an equal rule. */
  public boolean contains(String chain, Rule r) {
    Chain c = require(chain);
    for (Chain.Entry e : c.entries()) {
      if (e.rule().equals(r)) {
        return true;
      }
    }
    return false;
  }

  /** {@code -F CHAIN}, or every chain when {@code chain} is null. Policies stay. */
  public void flush(String chain) {
    if (chain != null) {
      require(chain).mutableEntries().clear();
    } else {
      for (Chain c : chains.values()) {
        c.mutableEntries().clear();
      }
    }
    changed();
  }

  /**
   * {@code -Z [CHAIN [POS]]}: zeroes the counters of one rule, or of a chain's rules and policy
   * (which then counts: {@link Chain#countsPolicy}), or of every chain the kernel has. A chain the
   * kernel does not have is refused (ENOENT); a position past the end zeroes nothing (iptables
   * says nothing either).
   */
  public void zero(String chain, int pos) {
    if (chain == null) {
      for (Chain c : chains.values()) {
        if (c.present()) {
          c.zeroCounting();
        }
      }
      changed();
      return;
    }
    Chain c = require(chain);
    if (!c.present()) {
      throw new NfException(Reason.ENOENT, false, chain);
    }
    if (pos > 0) {
      if (pos <= c.size()) {
        c.entries().get(pos - 1).counters().zero();
      }
      return;
    }
    c.zeroCounting();
    changed();
  }

  /**
   * {@code -L -Z [CHAIN]} (or {@code -S -Z}): the listing has put every listed chain in
   * iptables-nft's cache, so zeroing them makes the missing built-in ones in the kernel.
   */
  public void zeroListed(String chain) {
    for (Chain c : chains.values()) {
      if (chain == null || chain.equals(c.name())) {
        c.makePresent();
        c.zeroCounting();
      }
    }
    changed();
  }

  /** The names of the chains the kernel has, in listing order ({@code -Z -v} names these). */
  public List<String> presentChains() {
    List<String> out = new ArrayList<>();
    for (Chain c : chains()) {
      if (c.present()) {
        out.add(c.name());
      }
    }
    return out;
  }

  /** iptables-nft makes a missing built-in chain: {@code -F CHAIN}, or every one for {@code -F -v}. */
  public void makePresent(String chain) {
    for (Chain c : chains.values()) {
      if (chain == null ? c.builtin() : chain.equals(c.name())) {
        c.makePresent();
      }
    }
  }

  /** {@code -c PKTS BYTES}: sets the counters of the rule at {@code pos} (from 1). */
  public void setCounters(String chain, int pos, long packets, long bytes) {
    require(chain).entries().get(pos - 1).counters().set(packets, bytes);
  }

  // ------------------------------------------------------------------------------ chains

  /** {@code -N}. */
  public void newChain(String name) {
    if (chains.containsKey(name)) {
      throw new NfException(Reason.EEXIST, false, name);
    }
    chains.put(name, new Chain(name, null));
    changed();
  }

  /**
   * {@code -X CHAIN}. The kernel refuses, with EBUSY, to delete a chain that rules jump to or
   * that still has rules ({@code nf_tables_delchain}; seen on 6.18: {@code -X} of an unreferenced
   * chain with one rule fails). iptables-nft deletes a built-in chain only when it is empty with
   * policy ACCEPT (as it would create it again), refusing others itself with EBUSY; a deleted
   * one is shown again as any missing built-in chain is: empty, policy ACCEPT, not counting.
   */
  public void deleteChain(String name) {
    Chain c = require(name);
    if (c.builtin() && c.size() == 0 && !(c.policy() instanceof Target.Accept)) {
      throw new NfException(Reason.EBUSY, false, name);
    }
    if (c.size() > 0 || (!c.builtin() && references(name) > 0)) {
      throw new NfException(Reason.EBUSY, true, name);
    }
    if (c.builtin()) {
      c.resetPolicy();
    } else {
      chains.remove(name);
    }
    changed();
  }

  /**
   * {@code -X} with no chain: every user chain, in one transaction. When one cannot go, none
   * goes; iptables names the last one in name order that could not.
   */
  public void deleteUserChains() {
    String busy = null;
    for (Chain c : chains()) {
      if (!c.builtin() && (c.size() > 0 || references(c.name()) > 0)) {
        busy = c.name();
      }
    }
    if (busy != null) {
      throw new NfException(Reason.EBUSY, true, busy);
    }
    chains.values().removeIf(c -> !c.builtin());
    changed();
  }

  /** {@code -E OLD NEW}: renames a chain and every jump to it. */
  public void rename(String from, String to) {
    if (chains.containsKey(to) || kind.builtin(to) != null) {
      throw new NfException(Reason.EEXIST, false, to);
    }
    Chain c = require(from);
    Map<String, Chain> copy = new LinkedHashMap<>(chains);
    chains.clear();
    for (Map.Entry<String, Chain> e : copy.entrySet()) {
      if (e.getValue() == c && c.builtin()) {
        // deviation: nft renames the base chain and keeps it hooked; the model makes it a user
        // chain with the rules and shows the built-in chain again, empty
        Chain moved = new Chain(to, null);
        moved.mutableEntries().addAll(c.entries());
        c.mutableEntries().clear();
        c.resetPolicy();
        chains.put(from, c);
        chains.put(to, moved);
      } else if (e.getValue() == c) {
        c.setName(to);
        chains.put(to, c);
      } else {
        chains.put(e.getKey(), e.getValue());
      }
    }
    for (Chain x : chains.values()) {
      List<Chain.Entry> es = x.mutableEntries();
      for (int i = 0; i < es.size(); i++) {
        Chain.Entry en = es.get(i);
        Rule r = en.rule().renamed(from, to);
        if (r != en.rule()) {
          es.set(i, new Chain.Entry(r, en.counters()));
        }
      }
    }
    changed();
  }

  /** {@code -P CHAIN ACCEPT|DROP}: only built-in chains have a policy. */
  public void setPolicy(String chain, Target policy) {
    Chain c = chains.get(chain);
    if (c == null || !c.builtin()) {
      throw new NfException(Reason.ENOENT, false, chain);
    }
    if (!(policy instanceof Target.Accept) && !(policy instanceof Target.Drop)) {
      throw new NfException(Reason.EINVAL, false, chain);
    }
    c.setPolicy(policy);
    changed();
  }

  // ------------------------------------------------------------------------------ checks

  private Chain require(String name) {
    Chain c = chains.get(name);
    if (c == null) {
      throw new NfException(Reason.ENOENT, false, name);
    }
    return c;
  }

  private void add(Chain c, int index, Rule r) {
    checkRule(c, r);
    c.mutableEntries().add(index, new Chain.Entry(r, new Counters()));
    try {
      validate(c.name());
    } catch (NfException e) {
      c.mutableEntries().remove(index);
      throw e;
    }
    c.makePresent();
    changed();
  }

  /**
   * What the kernel checks of a rule on its own, wherever it sits: its jump target exists, its
   * target belongs to this table ({@code xt_target.table}), and each match's and target's
   * protocol requirement ({@code xt_check_match}: the icmp and udp matches need {@code -p} of
   * their protocol, not inverted; REJECT's tcp-reset needs {@code -p tcp}).
   */
  private void checkRule(Chain c, Rule r) {
    String jump = r.jumpTarget();
    if (jump != null && !chains.containsKey(jump)) {
      throw new NfException(Reason.ENOENT, false, c.name());
    }
    Target t = r.target();
    if (t != null && t.table() != null && t.table() != kind) {
      throw new NfException(Reason.EINVAL, true, c.name());
    }
    IpHeader ip = r.ip();
    for (Match m : r.matches()) {
      int need = m instanceof IcmpMatch ? NfPacket.ICMP
          : m instanceof PortMatch p && p.proto() == NfPacket.UDP ? NfPacket.UDP : -1;
      if (need > 0 && (ip.proto() != need || ip.invProto())) {
        throw new NfException(Reason.EINVAL, true, c.name());
      }
    }
    if (t instanceof Target.Reject rj && rj.with() == RejectWith.TCP_RESET
        && (ip.proto() != NfPacket.TCP || ip.invProto())) {
      throw new NfException(Reason.EINVAL, true, c.name());
    }
  }

  /**
   * {@code nft_table_validate}: from each built-in chain, the depth of the jumps below it and the
   * hooks its targets allow. {@code changedChain} is the chain the error is reported on.
   */
  private void validate(String changedChain) {
    Map<String, Integer> height = new HashMap<>();
    for (Chain c : chains.values()) {
      if (!c.builtin()) {
        continue;
      }
      if (height(c, height, new HashSet<>()) >= NFT_JUMP_STACK_SIZE) {
        throw new NfException(Reason.EMLINK, true, changedChain);
      }
      for (Chain reached : reachable(c)) {
        for (Chain.Entry e : reached.entries()) {
          Target t = e.rule().target();
          if (t != null && (t.hooks() & c.hook().bit()) == 0) {
            throw new NfException(Reason.EINVAL, true, changedChain);
          }
        }
      }
    }
  }

  /** The longest chain of jumps below {@code c}; at least the limit when there is a loop. */
  private int height(Chain c, Map<String, Integer> memo, Set<String> onPath) {
    Integer known = memo.get(c.name());
    if (known != null) {
      return known;
    }
    if (!onPath.add(c.name())) {
      return NFT_JUMP_STACK_SIZE;
    }
    int h = 0;
    for (Chain.Entry e : c.entries()) {
      String j = e.rule().jumpTarget();
      if (j != null && chains.containsKey(j)) {
        h = Math.max(h, 1 + height(chains.get(j), memo, onPath));
        if (h >= NFT_JUMP_STACK_SIZE) {
          break;
        }
      }
    }
    onPath.remove(c.name());
    memo.put(c.name(), h);
    return h;
  }

  private List<Chain> reachable(Chain from) {
    List<Chain> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<Chain> todo = new ArrayList<>(List.of(from));
    while (!todo.isEmpty()) {
      Chain c = todo.remove(todo.size() - 1);
      if (!seen.add(c.name())) {
        continue;
      }
      out.add(c);
      for (Chain.Entry e : c.entries()) {
        String j = e.rule().jumpTarget();
        if (j != null && chains.containsKey(j)) {
          todo.add(chains.get(j));
        }
      }
    }
    return out;
  }

  // ------------------------------------------------------------------------------ running

  private void changed() {
    compiled = null;
    onChange.run();
  }

  /** The table as the packet path runs it, rebuilt after each change. */
  CompiledTable compiled() {
    if (compiled == null) {
      compiled = CompiledTable.compile(this);
    }
    return compiled;
  }

  /** Whether some rule of this table needs conntrack. */
  boolean needsConntrack() {
    for (Chain c : chains.values()) {
      for (Chain.Entry e : c.entries()) {
        if (e.rule().needsConntrack()) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "Table(" + kind.text + ", " + chains.keySet() + ")";
  }
}
