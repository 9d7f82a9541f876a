package netsim.model;

import java.util.Set;

/**
 * What the kernel (and its tools) offer, as far as the model depends on it: which link kinds
 * {@code ip link add ... type KIND} can create, and whether bridged IPv4 passes through iptables.
 * The default matches this kind of machine (kernel 6.18, iproute2 6.1.0, iptables 1.8.9
 * nf_tables, iputils 20221126); the kernel backend detects the real one, and the simulator takes
 * the same profile for a comparison.
 *
 * @param linkKinds the link kinds the kernel can create ({@code veth}, {@code bridge}, ...)
 * @param brNetfilter whether br_netfilter is active, so bridged IPv4 passes iptables FORWARD
 */
public record KernelProfile(Set<String> linkKinds, boolean brNetfilter) {

  public KernelProfile {
    linkKinds = Set.copyOf(linkKinds);
  }

  /** This kind of machine: no {@code dummy} driver; bridge and br_netfilter built in. */
  public static KernelProfile defaultProfile() {
    return new KernelProfile(Set.of("veth", "bridge"), true);
  }

  public boolean hasLinkKind(String kind) {
    return linkKinds.contains(kind);
  }
}
