package netsim.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A process's credentials ({@code struct cred}): real and effective uid and gid and the
 * supplementary groups, all as kernel ids (as the initial user namespace sees them); the user
 * namespace the process is in; and its effective capabilities, which count in that namespace and
 * below ({@link #capable}).
 *
 * <p>The saved and filesystem ids are not kept apart: every way the scenario language changes ids
 * ({@code setpriv --reuid}, exec) sets them to the effective ones. Permitted and effective
 * capabilities are one set for the same reason: after exec they are equal.
 *
 * @param groups kernel gids, sorted as {@code groups_sort} sorts them
 * @param capEff the effective capability set, a bit per {@link Capability}
 */
public record Cred(long uid, long euid, long gid, long egid, List<Long> groups, UserNs userns,
    long capEff) {

  public Cred {
    groups = List.copyOf(groups);
  }

  /** Root of the initial namespace with every capability, as scenario lines run. */
  public static Cred root(UserNs init) {
    return new Cred(0, 0, 0, 0, List.of(0L), init, Capability.FULL_SET);
  }

  // ------------------------------------------------------------------------------ capabilities

  /**
   * {@code ns_capable(target, cap)}, as {@code cap_capable} decides it: the capability counts in
   * the process's own namespace and every namespace below it; and the creator of a namespace
   * (same euid as its owner, in its parent) holds every capability over it and its descendants.
   */
  public boolean capable(Capability cap, UserNs target) {
    for (UserNs ns = target; ; ns = ns.parent()) {
      if (ns == userns) {
        return cap.in(capEff);
      }
      if (ns.level() <= userns.level()) {
        return false;
      }
      if (ns.parent() == userns && ns.owner() == euid) {
        return true;
      }
    }
  }

  /**
   * CAP_NET_ADMIN over {@code owner}: what changing a network namespace owned by {@code owner}
   * needs. Kept for callers written before {@link #capable(Capability, UserNs)}; prefer that.
   */
  public boolean capable(UserNs owner) {
    return capable(Capability.NET_ADMIN, owner);
  }

  /** Whether the process holds any capability in its own namespace. */
  public boolean caps() {
    return capEff != Capability.EMPTY_SET;
  }

  /** Why {@code ns_capable(target, cap)} fails, for explanations; empty when it does not. */
  public Optional<CapDenial> missing(Capability cap, UserNs target, String object) {
    return capable(cap, target) ? Optional.empty()
        : Optional.of(new CapDenial(cap, target, object, this));
  }

  // ------------------------------------------------------------------------------ ids as seen

  /** {@code getuid()}: the real uid as the process's own namespace shows it. */
  public long nsUid() {
    return userns.fromKuidMunged(uid);
  }

  /** {@code geteuid()}. */
  public long nsEuid() {
    return userns.fromKuidMunged(euid);
  }

  /** {@code getgid()}. */
  public long nsGid() {
    return userns.fromKgidMunged(gid);
  }

  /** {@code getegid()}. */
  public long nsEgid() {
    return userns.fromKgidMunged(egid);
  }

  /** {@code getgroups()}: the supplementary groups as the process's namespace shows them. */
  public List<Long> nsGroups() {
    return groups.stream().map(userns::fromKgidMunged).toList();
  }

  /** {@code in_group_p}: the effective gid, or one of the supplementary groups. */
  public boolean inGroup(long kgid) {
    return egid == kgid || groups.contains(kgid);
  }

  // ------------------------------------------------------------------------------ transitions

  /**
   * {@code unshare(CLONE_NEWUSER)}: the same ids in a new child namespace, where the process
   * holds every capability until it execs ({@code set_cred_user_ns}).
   *
   * @throws KernelException EPERM when the euid or egid is not mapped here
   */
  public Cred unshareUser() {
    UserNs child = UserNs.create(this);
    return new Cred(uid, euid, gid, egid, groups, child, Capability.FULL_SET);
  }

  /** The credentials after {@code execve} of a program with no file capabilities. */
  public Cred afterExec() {
    return afterExec(Capability.EMPTY_SET);
  }

  /**
   * The credentials after {@code execve} ({@code cap_bprm_creds_from_file}): a process whose euid
   * is root of its namespace ({@code make_kuid(ns, 0)}) gets every capability; any other gets
   * none, except the file's own capabilities ({@code fileCaps}, as {@code cap_net_raw=ep} on
   * ping), which apply in the process's namespace. An unmapped root (no uid map yet) is nobody's.
   */
  public Cred afterExec(long fileCaps) {
    long root = userns.makeKuid(0);
    long c = root != IdMap.INVALID && euid == root ? Capability.FULL_SET : fileCaps;
    return new Cred(uid, euid, gid, egid, groups, userns, c);
  }

  /**
   * {@code setresuid(ruid, euid, euid)} with ids of the process's namespace ({@link
   * IdMap#INVALID} leaves one unchanged): unmapped ids are EINVAL; an id the process does not
   * already have needs CAP_SETUID in its namespace (EPERM). Capabilities are kept, as with
   * {@code PR_SET_KEEPCAPS}; the next exec recomputes them.
   */
  public Cred setresuid(long ruid, long nsEuid) {
    long kr = ruid == IdMap.INVALID ? uid : userns.makeKuid(ruid);
    long ke = nsEuid == IdMap.INVALID ? euid : userns.makeKuid(nsEuid);
    if (kr == IdMap.INVALID || ke == IdMap.INVALID) {
      throw new KernelException(Errno.EINVAL);
    }
    boolean fresh = (kr != uid && kr != euid) || (ke != uid && ke != euid);
    if (fresh && !capable(Capability.SETUID, userns)) {
      throw new KernelException(Errno.EPERM);
    }
    return new Cred(kr, ke, gid, egid, groups, userns, capEff);
  }

  /** {@code setresgid(rgid, egid, egid)}, by the same rules with CAP_SETGID. */
  public Cred setresgid(long rgid, long nsEgid) {
    long kr = rgid == IdMap.INVALID ? gid : userns.makeKgid(rgid);
    long ke = nsEgid == IdMap.INVALID ? egid : userns.makeKgid(nsEgid);
    if (kr == IdMap.INVALID || ke == IdMap.INVALID) {
      throw new KernelException(Errno.EINVAL);
    }
    boolean fresh = (kr != gid && kr != egid) || (ke != gid && ke != egid);
    if (fresh && !capable(Capability.SETGID, userns)) {
      throw new KernelException(Errno.EPERM);
    }
    return new Cred(uid, euid, kr, ke, groups, userns, capEff);
  }

  /** {@code NGROUPS_MAX}. */
  static final int NGROUPS_MAX = 65536;

  /**
   * {@code setgroups(2)} with gids of the process's namespace: needs CAP_SETGID there and {@link
   * UserNs#maySetgroups} (EPERM, checked first); more than 65536 groups or an unmapped one is
   * EINVAL. The kernel keeps them sorted.
   */
  public Cred setgroups(List<Long> nsGids) {
    if (!capable(Capability.SETGID, userns) || !userns.maySetgroups()) {
      throw new KernelException(Errno.EPERM);
    }
    if (nsGids.size() > NGROUPS_MAX) {
      throw new KernelException(Errno.EINVAL);
    }
    List<Long> kgids = new ArrayList<>();
    for (long g : nsGids) {
      long k = userns.makeKgid(g);
      if (k == IdMap.INVALID) {
        throw new KernelException(Errno.EINVAL);
      }
      kgids.add(k);
    }
    kgids.sort(null);
    return new Cred(uid, euid, gid, egid, kgids, userns, capEff);
  }
}
