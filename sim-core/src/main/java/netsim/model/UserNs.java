package netsim.model;

/**
 * A user namespace ({@code struct user_namespace}): a node in the tree that starts at the initial
 * namespace, with the kernel ids of its creator ({@code owner}, {@code group}), its {@code uid_map}
 * and {@code gid_map}, and whether {@code setgroups(2)} is allowed in it.
 *
 * <p>Ids inside a namespace become kernel ids through its maps ({@link #makeKuid}), and kernel
 * ids show inside as {@link #fromKuid}, or as the overflow id 65534 when unmapped ({@link
 * #fromKuidMunged}). A network namespace is owned by the user namespace its creator was in, and
 * changing it needs CAP_NET_ADMIN there ({@link Cred#capable}).
 *
 * <p>The maps are written once, through {@code /proc/PID/uid_map} and {@code gid_map}, by the
 * rules of {@link MapWrite}.
 */
public final class UserNs {
  /** {@code overflowuid} and {@code overflowgid}: how an unmapped id shows. */
  public static final long OVERFLOW_ID = 65534;

  /** {@code USERNS_SETGROUPS_ALLOWED}: where {@code /proc/self/setgroups} says {@code allow}. */
  private boolean setgroupsAllowed = true;

  private final UserNs parent;
  private final int level;
  private final int serial;
  private final long owner;
  private final long group;
  private final boolean parentCouldSetfcap;
  private IdMap uidMap;
  private IdMap gidMap;
  /** The next serial number, held by the initial namespace for its whole tree. */
  private int nextSerial = 1;

  private UserNs(UserNs parent, long owner, long group, boolean parentCouldSetfcap) {
    this.parent = parent;
    this.level = parent == null ? 0 : parent.level + 1;
    this.serial = parent == null ? 0 : parent.root().nextSerial++;
    this.owner = owner;
    this.group = group;
    this.parentCouldSetfcap = parentCouldSetfcap;
    this.uidMap = parent == null ? IdMap.IDENTITY : IdMap.EMPTY;
    this.gidMap = parent == null ? IdMap.IDENTITY : IdMap.EMPTY;
  }

  /** The initial user namespace: both maps {@code 0 0 4294967295}, setgroups allowed. */
  public static UserNs initial() {
    return new UserNs(null, 0, 0, true);
  }

  /**
   * {@code create_user_ns}: a child of the creator's namespace, owned by the creator's effective
   * ids, with empty maps. The creator's euid and egid must be mapped where it is (EPERM), so that
   * the kernel can say who created the namespace.
   *
   * <p>The kernel also refuses more than 32 levels ({@code EUSERS}); the scenario language cannot
   * nest that deep, so that limit is not modelled.
   */
  static UserNs create(Cred creator) {
    UserNs p = creator.userns();
    if (p.fromKuid(creator.euid()) == IdMap.INVALID || p.fromKgid(creator.egid()) == IdMap.INVALID) {
      throw new KernelException(Errno.EPERM);
    }
    return new UserNs(p, creator.euid(), creator.egid(), Capability.SETFCAP.in(creator.capEff()));
  }

  private UserNs root() {
    UserNs u = this;
    while (u.parent != null) {
      u = u.parent;
    }
    return u;
  }

  public UserNs parent() {
    return parent;
  }

  public int level() {
    return level;
  }

  /** A number that names the namespace in explanations: 0 for the initial one. */
  public int serial() {
    return serial;
  }

  public boolean isInitial() {
    return parent == null;
  }

  /** The kernel uid of the creator ({@code ns->owner}). */
  public long owner() {
    return owner;
  }

  /** The kernel gid of the creator ({@code ns->group}). */
  public long group() {
    return group;
  }

  /** Whether the creator held CAP_SETFCAP, which mapping the parent's root needs. */
  boolean parentCouldSetfcap() {
    return parentCouldSetfcap;
  }

  public IdMap uidMap() {
    return uidMap;
  }

  public IdMap gidMap() {
    return gidMap;
  }

  void installUidMap(IdMap m) {
    uidMap = m;
  }

  void installGidMap(IdMap m) {
    gidMap = m;
  }

  public boolean setgroupsAllowed() {
    return setgroupsAllowed;
  }

  void denySetgroups() {
    setgroupsAllowed = false;
  }

  /** {@code userns_may_setgroups}: a gid map is written, and setgroups is still allowed. */
  public boolean maySetgroups() {
    return !gidMap.isEmpty() && setgroupsAllowed;
  }

  /** Whether this namespace is {@code other} or one of its descendants ({@code in_userns}). */
  public boolean isWithin(UserNs other) {
    for (UserNs u = this; u != null; u = u.parent) {
      if (u == other) {
        return true;
      }
    }
    return false;
  }

  // ------------------------------------------------------------------------------ translation

  /** {@code make_kuid}: the kernel uid of {@code uid} here, or {@link IdMap#INVALID}. */
  public long makeKuid(long uid) {
    return uidMap.down(uid);
  }

  /** {@code make_kgid}. */
  public long makeKgid(long gid) {
    return gidMap.down(gid);
  }

  /** {@code from_kuid}: how kernel uid {@code kuid} shows here, or {@link IdMap#INVALID}. */
  public long fromKuid(long kuid) {
    return uidMap.up(kuid);
  }

  /** {@code from_kgid}. */
  public long fromKgid(long kgid) {
    return gidMap.up(kgid);
  }

  /** {@code from_kuid_munged}: as {@link #fromKuid}, with 65534 for an unmapped id. */
  public long fromKuidMunged(long kuid) {
    long u = fromKuid(kuid);
    return u == IdMap.INVALID ? OVERFLOW_ID : u;
  }

  /** {@code from_kgid_munged}. */
  public long fromKgidMunged(long kgid) {
    long g = fromKgid(kgid);
    return g == IdMap.INVALID ? OVERFLOW_ID : g;
  }

  // ------------------------------------------------------------------------------ /proc files

  /** {@code /proc/PID/uid_map} of a process in this namespace, as {@code reader} reads it. */
  public String showUidMap(UserNs reader) {
    return show(uidMap, reader, true);
  }

  /** {@code /proc/PID/gid_map}, as {@code reader} reads it. */
  public String showGidMap(UserNs reader) {
    return show(gidMap, reader, false);
  }

  /**
   * {@code uid_m_show}: each extent as {@code %10u %10u %10u}, its lower ids shown in the
   * reader's namespace, or in the parent when the reader reads its own namespace's map.
   */
  private String show(IdMap map, UserNs reader, boolean uids) {
    UserNs lowerNs = reader == this && parent != null ? parent : reader;
    StringBuilder sb = new StringBuilder();
    for (IdMap.Extent e : map.shown()) {
      long lower = uids ? lowerNs.fromKuid(e.lowerFirst()) : lowerNs.fromKgid(e.lowerFirst());
      sb.append(String.format("%10d %10d %10d", e.first(), lower, e.count())).append('\n');
    }
    return sb.toString();
  }

  /** {@code proc_setgroups_show}. */
  public String showSetgroups() {
    return setgroupsAllowed ? "allow\n" : "deny\n";
  }

  /** How explanations name the namespace: {@code user namespace #2 (created by uid 1000)}. */
  public String describe() {
    if (parent == null) {
      return "the initial user namespace";
    }
    return "user namespace #" + serial + " (level " + level + ", created by kernel uid " + owner
        + ")";
  }

  @Override
  public String toString() {
    return describe();
  }
}
