package netsim.model;

import java.util.List;

/**
 * A process's credentials as the kernel sees them: ids (kernel ids, as the initial user namespace
 * sees them), supplementary groups, the user namespace they belong to, and whether the process
 * holds its capabilities there (root in its own user namespace after exec holds them; a process
 * that became another uid with setpriv, or that ran {@code unshare -U} without a map, does not).
 */
public record Cred(int uid, int gid, List<Integer> groups, UserNs userns, boolean caps) {

  public Cred {
    groups = List.copyOf(groups);
  }

  public static Cred root(UserNs init) {
    return new Cred(0, 0, List.of(0), init, true);
  }

  /**
   * {@code ns_capable(owner, CAP_*)}: the process holds the capability in {@code owner} when it
   * has its capabilities in its own user namespace and that namespace is {@code owner} or an
   * ancestor of it.
   */
  public boolean capable(UserNs owner) {
    return caps && owner.isWithin(userns);
  }
}
