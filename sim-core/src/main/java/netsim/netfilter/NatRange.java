package netsim.netfilter;

import netsim.model.Ip4;

/**
 * Where SNAT or DNAT may map a flow ({@code struct nf_nat_range2}): an address range (absent for
 * MASQUERADE and REDIRECT, which work theirs out per packet) and a port range.
 *
 * @param minAddr first address, or 0 with {@code maxAddr} 0 when no address is given
 * @param minPort first port, or 0 with {@code maxPort} 0 when no port is given
 * @param random {@code --random}
 * @param persistent {@code --persistent}
 */
public record NatRange(int minAddr, int maxAddr, int minPort, int maxPort, boolean random,
    boolean persistent) {

  public boolean hasAddr() {
    return minAddr != 0 || maxAddr != 0;
  }

  public boolean hasPorts() {
    return minPort != 0 || maxPort != 0;
  }

  /** The text after {@code --to-source}: {@code A[-B][:P[-Q]]}. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    if (hasAddr()) {
      sb.append(Ip4.format(minAddr));
      if (maxAddr != minAddr) {
        sb.append('-').append(Ip4.format(maxAddr));
      }
    }
    if (hasPorts()) {
      sb.append(':').append(ports());
    }
    return sb.toString();
  }

  /** {@code P} or {@code P-Q}. */
  public String ports() {
    return minPort == maxPort ? Integer.toString(minPort) : minPort + "-" + maxPort;
  }
}
