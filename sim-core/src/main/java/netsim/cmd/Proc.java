package netsim.cmd;

import java.util.Optional;
import netsim.model.CapDenial;
import netsim.model.Capability;
import netsim.model.Cred;
import netsim.model.Kernel;
import netsim.model.NetNs;

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

  /** Whether the process may change its network namespace (CAP_NET_ADMIN over its owner). */
  public boolean canAdminNet() {
    return cred.capable(Capability.NET_ADMIN, netns.owner());
  }

  /**
   * Why {@link #canAdminNet} is false, for traces and explanations: which capability was missing
   * in which user namespace (see {@link CapDenial}); empty when the process may.
   */
  public Optional<CapDenial> netAdminDenial() {
    return cred.missing(Capability.NET_ADMIN, netns.owner(),
        "owner of network namespace " + netns.displayName());
  }

  /** Runs a nested command as this process would exec it. */
  public int exec(java.util.List<String> argv, Io io) {
    return shell.exec(this, argv, io);
  }
}
