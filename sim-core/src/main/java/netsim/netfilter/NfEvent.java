package netsim.netfilter;

import netsim.model.Ip4;

/**
 * What netfilter did to a packet at a hook, for the probe's explanation: which rule matched and
 * what it did, which policy applied, what conntrack made of the packet, and what NAT changed.
 * The engine turns these into trace steps; {@link #describe()} is a one-line text for people.
 */
public sealed interface NfEvent {

  Hook hook();

  /** One line for people, naming the table, chain and rule. */
  String describe();

  /** What a matching rule did. */
  enum Action {
    /** The rule has no target: it only counted the packet. */
    COUNTED("counted"),
    /** LOG: counted (a namespace logs nothing, E10) and went on. */
    LOGGED("logged"),
    JUMPED("jumped"),
    WENT("went to"),
    RETURNED("returned"),
    ACCEPTED("accepted"),
    DROPPED("dropped"),
    REJECTED("rejected"),
    /** A NAT target: the translation follows as a {@link Translated} event. */
    TRANSLATED("translated");

    public final String text;

    Action(String text) {
      this.text = text;
    }
  }

  /**
   * A rule matched.
   *
   * @param ruleNum its position in its chain, from 1
   * @param rule the rule as {@code iptables -S} prints it
   * @param detail what it did beyond the action (the jump's chain, REJECT's answer), or empty
   */
  record RuleMatched(Hook hook, TableKind table, String chain, int ruleNum, String rule,
      Action action, String detail) implements NfEvent {
    @Override
    public String describe() {
      return table.text + " " + chain + " rule " + ruleNum + " (" + rule + "): " + action.text
          + (detail.isEmpty() ? "" : " " + detail);
    }
  }

  /** No rule decided, and the built-in chain's policy did. */
  record PolicyApplied(Hook hook, TableKind table, String chain, String policy)
      implements NfEvent {
    @Override
    public String describe() {
      return table.text + " " + chain + " policy " + policy;
    }
  }

  /**
   * Conntrack's view of the packet at PREROUTING or OUTPUT.
   *
   * @param state NEW, ESTABLISHED, RELATED, or INVALID (not tracked)
   * @param flow the flow's original tuple, as {@code conntrack -L} writes it, or empty
   */
  record Tracked(Hook hook, CtState state, boolean reply, String flow) implements NfEvent {
    @Override
    public String describe() {
      if (state == CtState.INVALID) {
        return "conntrack: INVALID (no flow it belongs to)";
      }
      return "conntrack: " + state + (reply ? " (reply direction)" : "") + " of flow " + flow;
    }
  }

  /**
   * NAT changed an address (and maybe the port or ICMP id) of the packet, or of the header an
   * ICMP error quotes.
   *
   * @param manip SRC or DST
   * @param from the address before
   * @param to the address after
   * @param cause the nat rule that chose the mapping on the flow's first packet, or null when
   *     conntrack applied a mapping decided earlier
   * @param inner whether the header changed is the one quoted inside an ICMP error
   */
  record Translated(Hook hook, Hook.Manip manip, int from, int to, RuleMatched cause,
      boolean inner) implements NfEvent {
    @Override
    public String describe() {
      String what = (inner ? "quoted " : "") + (manip == Hook.Manip.SRC ? "source " : "destination ")
          + Ip4.format(from) + " -> " + Ip4.format(to);
      if (cause == null) {
        return "conntrack: " + what + " (the flow's mapping, made on its first packet)";
      }
      return cause.table().text + " " + cause.chain() + " rule " + cause.ruleNum() + " ("
          + cause.rule() + "): " + what;
    }
  }

  /** Conntrack recorded a new flow as the packet left netfilter ({@code __nf_conntrack_confirm}). */
  record Confirmed(Hook hook, String flow) implements NfEvent {
    @Override
    public String describe() {
      return "conntrack: new flow " + flow;
    }
  }
}
