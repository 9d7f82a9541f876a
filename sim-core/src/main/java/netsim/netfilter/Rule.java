package netsim.netfilter;

import java.util.List;

/**
 * One iptables rule: the header tests, the match extensions in the order they were given, and
 * the target (null for a rule that only counts). A value: two rules are the same rule when
 * {@code iptables -D} with one would delete the other.
 */
public record Rule(IpHeader ip, List<Match> matches, Target target) {

  public Rule {
    matches = List.copyOf(matches);
  }

  /** Whether a packet in these conntrack states matches every test. */
  boolean matches(NfPacket p, int states) {
    if (!ip.matches(p)) {
      return false;
    }
    for (Match m : matches) {
      if (!m.matches(p, states)) {
        return false;
      }
    }
    return true;
  }

  /** Whether this rule turns conntrack on in its namespace. */
  public boolean needsConntrack() {
    if (target != null && target.needsConntrack()) {
      return true;
    }
    for (Match m : matches) {
      if (m.needsConntrack()) {
        return true;
      }
    }
    return false;
  }

  /** The user chain it jumps or goes to, or null. */
  public String jumpTarget() {
    return target instanceof Target.Jump j ? j.chain() : null;
  }

  /** The same rule with its jumps to {@code from} now going to {@code to} ({@code -E}). */
  Rule renamed(String from, String to) {
    if (target instanceof Target.Jump j && j.chain().equals(from)) {
      return new Rule(ip, matches, new Target.Jump(to, j.goTo()));
    }
    return this;
  }
}
