package netsim.cmd;

import java.util.Optional;
import netsim.model.CapDenial;
import netsim.model.Capability;
import netsim.model.Cred;
import netsim.model.Kernel;
import netsim.model.NetNs;
import netsim.model.UserNs;

/**
 * What a command runs as: the world, the network namespace it is in, its credentials (which
 * carry its user namespace), and the shell that can run nested commands ({@code ip netns exec},
 * {@code unshare}, {@code bash -c}).
 */
public record Proc(Kernel kernel, Shell shell, NetNs netns, Cred cred) {

  public Proc withNetns(NetNs ns) {
    return new Proc(kernel, shell, ns, cred);
  }

  public Proc withCred(Cred c) {
    return new Proc(kernel, shell, netns, c);
  }

  /**
   * Whether the process may change its network namespace: CAP_NET_ADMIN over the namespace's
   * owner ({@code ns_capable(net->user_ns, CAP_NET_ADMIN)}). A refusal is recorded for
   * explanations ({@link #capable}).
   */
  public boolean canAdminNet() {
    return capable(Capability.NET_ADMIN, netns.owner(),
        "owner of network namespace " + netns.displayName());
  }

  /**
   * {@code ns_capable(ns, cap)}: whether the process holds {@code cap} over {@code ns}; when not,
   * the denial (which capability, in which user namespace, for what) goes to the kernel's {@link
   * netsim.model.CapAudit}. For a check that only chooses between two ways of succeeding use
   * {@code cred().capable(cap, ns)}, which records nothing.
   *
   * @param object what {@code ns} was needed for, e.g. {@code owner of network namespace host}
   */
  public boolean capable(Capability cap, UserNs ns, String object) {
    Optional<CapDenial> d = cred.missing(cap, ns, object);
    d.ifPresent(kernel.capAudit()::denied);
    return d.isEmpty();
  }

  /** Why {@link #canAdminNet} is false, without recording it; empty when the process may. */
  public Optional<CapDenial> netAdminDenial() {
    return cred.missing(Capability.NET_ADMIN, netns.owner(),
        "owner of network namespace " + netns.displayName());
  }

  /** Runs a nested command as this process would exec it. */
  public int exec(java.util.List<String> argv, Io io) {
    return shell.exec(this, argv, io);
  }
}
