package netsim.netfilter;

/**
 * {@code -m state --state} and {@code -m conntrack --ctstate}: whether the packet's conntrack
 * state is among the listed ones ({@code state_mt}, {@code conntrack_mt}). Either turns conntrack
 * on in the namespace.
 *
 * @param conntrack true for {@code -m conntrack --ctstate}, false for {@code -m state --state}
 * @param states the listed states, as {@link CtState} bits
 */
public record StateMatch(boolean conntrack, int states, boolean invert) implements Match {

  @Override
  public String name() {
    return conntrack ? "conntrack" : "state";
  }

  @Override
  public boolean matches(NfPacket p, int packetStates) {
    int seen = conntrack ? packetStates
        : packetStates & ~(CtState.SNAT.bit() | CtState.DNAT.bit());
    return ((states & seen) != 0) != invert;
  }

  @Override
  public boolean needsConntrack() {
    return true;
  }
}
