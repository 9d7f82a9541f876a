package netsim.netfilter;

/**
 * The states {@code -m state --state} and {@code -m conntrack --ctstate} name, in the order
 * iptables prints them ({@code print_state} in libxt_conntrack.c). SNAT and DNAT exist only for
 * {@code --ctstate}. UNTRACKED needs the raw table's NOTRACK, which the model does not have.
 */
public enum CtState {
  INVALID,
  NEW,
  RELATED,
  ESTABLISHED,
  UNTRACKED,
  SNAT,
  DNAT;

  public int bit() {
    return 1 << ordinal();
  }
}
