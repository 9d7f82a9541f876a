package netsim.netfilter;

/**
 * How a packet relates to its conntrack entry ({@code enum ip_conntrack_info}): the state
 * {@code -m conntrack --ctstate} sees, and the direction the packet travels in.
 */
public enum CtInfo {
  /** First packets of a flow, before any answer (original direction). */
  NEW(false),
  /** Original direction, once the flow has been answered. */
  ESTABLISHED(false),
  /** Reply direction. */
  ESTABLISHED_REPLY(true),
  /** An ICMP error about the flow, travelling in its original direction. */
  RELATED(false),
  /** An ICMP error about the flow, travelling back towards its originator. */
  RELATED_REPLY(true);

  /** Whether the packet travels in the reply direction ({@code CTINFO2DIR}). */
  public final boolean reply;

  CtInfo(boolean reply) {
    this.reply = reply;
  }

  /** The state the state and conntrack matches test. */
  public CtState state() {
    return switch (this) {
      case NEW -> CtState.NEW;
      case ESTABLISHED, ESTABLISHED_REPLY -> CtState.ESTABLISHED;
      case RELATED, RELATED_REPLY -> CtState.RELATED;
    };
  }
}
