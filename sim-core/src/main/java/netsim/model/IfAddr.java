package netsim.model;

/**
 * An IPv4 address on a device ({@code struct in_ifaddr}): the local address, the prefix length,
 * scope, whether it is a secondary of an earlier primary in the same subnet, its label, an
 * explicit broadcast address (0 when none was given), and the metric of its prefix route.
 */
public record IfAddr(
    int local, int prefixLen, Scope scope, boolean secondary, String label, int broadcast,
    int metric, boolean noPrefixRoute) {

  public int mask() {
    return Ip4.mask(prefixLen);
  }

  public int network() {
    return local & mask();
  }

  public Prefix prefix() {
    return new Prefix(local, prefixLen);
  }

  /** Whether {@code a} is in this address's subnet ({@code inet_ifa_match}). */
  public boolean matches(int a) {
    return ((a ^ local) & mask()) == 0;
  }

  public IfAddr withSecondary(boolean s) {
    return new IfAddr(local, prefixLen, scope, s, label, broadcast, metric, noPrefixRoute);
  }

  public IfAddr withLabel(String l) {
    return new IfAddr(local, prefixLen, scope, secondary, l, broadcast, metric, noPrefixRoute);
  }
}
