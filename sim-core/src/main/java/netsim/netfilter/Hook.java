package netsim.netfilter;

/**
 * The five IPv4 netfilter hooks ({@code enum nf_inet_hooks}), in the kernel's order. This is
 * where the stack hands a packet to netfilter:
 *
 * <pre>
 *  wire --&gt; PREROUTING --&gt; [routing] --&gt; FORWARD --&gt; POSTROUTING --&gt; wire
 *                              |                          ^
 *                              v                          |
 *                            INPUT                 [routing]
 *                              |                          ^
 *                              v                          |
 *                        local socket -------------&gt; OUTPUT
 * </pre>
 *
 * <p>PREROUTING ({@code ip_rcv}) sees every packet that arrives; INPUT ({@code ip_local_deliver})
 * the ones routed to this namespace; FORWARD ({@code ip_forward}) the ones routed through it;
 * OUTPUT ({@code __ip_local_out}) the ones it sends itself; POSTROUTING ({@code ip_output}) every
 * packet that leaves. A packet sent to the namespace's own address passes OUTPUT and POSTROUTING,
 * then PREROUTING and INPUT on lo.
 */
public enum Hook {
  PREROUTING,
  INPUT,
  FORWARD,
  OUTPUT,
  POSTROUTING;

  /** The bit of this hook in a hook mask ({@code 1 << NF_INET_*}). */
  public int bit() {
    return 1 << ordinal();
  }

  /**
   * Which address NAT may change at this hook ({@code HOOK2MANIP}): the destination before
   * routing (PREROUTING, OUTPUT), the source after it (POSTROUTING, INPUT). FORWARD does no NAT.
   */
  public Manip manip() {
    return switch (this) {
      case PREROUTING, OUTPUT -> Manip.DST;
      case INPUT, POSTROUTING -> Manip.SRC;
      case FORWARD -> null;
    };
  }

  /** The hook where a packet enters netfilter's view, and conntrack looks it up. */
  public boolean tracksHere() {
    return this == PREROUTING || this == OUTPUT;
  }

  /** The hook where a packet leaves netfilter's view, and conntrack confirms its entry. */
  public boolean confirmsHere() {
    return this == INPUT || this == POSTROUTING;
  }

  /** The two kinds of address translation ({@code enum nf_nat_manip_type}). */
  public enum Manip {
    SRC,
    DST
  }
}
