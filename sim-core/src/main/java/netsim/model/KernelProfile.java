package netsim.model;

import java.util.Set;

/**
 * What the kernel (and its tools) offer, as far as the model depends on it: which link kinds
 * {@code ip link add ... type KIND} can create, whether bridged IPv4 passes through iptables, and
 * how many queues a new veth gets. The default matches this kind of machine (kernel 6.18,
 * iproute2 6.1.0, iptables 1.8.9 nf_tables, iputils 20221126, 2 CPUs); the kernel backend detects
 * the real one, and the simulator takes the same profile for a comparison.
 *
 * @param linkKinds the link kinds the kernel can create ({@code veth}, {@code bridge}, ...)
 * @param brNetfilter whether br_netfilter is active, so bridged IPv4 passes iptables FORWARD
 * @param vethQueues the {@code numtxqueues} and {@code numrxqueues} that {@code ip -d link} shows
 *     for a new veth: the machine's number of possible CPUs ({@code veth_get_num_queues})
 * @param users the names of users and groups (/etc/passwd and /etc/group) that {@code id} and
 *     {@code stat} print
 */
public record KernelProfile(Set<String> linkKinds, boolean brNetfilter, int vethQueues,
    UserDb users) {

  public KernelProfile {
    linkKinds = Set.copyOf(linkKinds);
    users = users == null ? UserDb.defaultDb() : users;
  }

  /** A profile with the default user database ({@link UserDb#defaultDb}). */
  public KernelProfile(Set<String> linkKinds, boolean brNetfilter, int vethQueues) {
    this(linkKinds, brNetfilter, vethQueues, UserDb.defaultDb());
  }

  /** This profile with the machine's own user database. */
  public KernelProfile withUsers(UserDb db) {
    return new KernelProfile(linkKinds, brNetfilter, vethQueues, db);
  }

  /** A profile with this machine's {@link #vethQueues}. */
  public KernelProfile(Set<String> linkKinds, boolean brNetfilter) {
    this(linkKinds, brNetfilter, 2);
  }

  /** This kind of machine: no {@code dummy} driver; bridge and br_netfilter built in; 2 CPUs. */
  public static KernelProfile defaultProfile() {
    return new KernelProfile(Set.of("veth", "bridge"), true, 2);
  }

  public boolean hasLinkKind(String kind) {
    return linkKinds.contains(kind);
  }
}
