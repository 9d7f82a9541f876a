package netsim.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes to {@code /proc/PID/uid_map}, {@code gid_map} and {@code setgroups}, with the kernel's
 * rules and errors (kernel/user_namespace.c: {@code proc_uid_map_write}, {@code map_write}, {@code
 * new_idmap_permitted}, {@code verify_root_map}, {@code proc_setgroups_open} and {@code
 * proc_setgroups_write}).
 *
 * <p>In short: the initial namespace's maps cannot be written; a map is written once, as a whole,
 * in one write at offset 0 of less than a page; the writer needs CAP_SYS_ADMIN over the namespace;
 * without CAP_SETUID (CAP_SETGID) over the parent it may only map its own euid (egid) with one
 * line of count 1, and for gid_map only after setgroups says {@code deny}; the lower ids must be
 * mapped in the parent. Every check happens before anything changes.
 */
public final class MapWrite {
  private MapWrite() {}

  /** Which map. */
  public enum Kind {
    UID, GID
  }

  /** {@code PAGE_SIZE}: a map write must be shorter. */
  static final int PAGE_SIZE = 4096;

  /**
   * One {@code write(2)} of {@code data} at {@code offset} to the map of {@code ns}, by a process
   * whose credentials were {@code opener} when it opened the file.
   *
   * @return null when the map was installed, else the errno
   */
  public static Errno writeMap(UserNs ns, Kind kind, Cred opener, String data, long offset) {
    // proc_uid_map_write: the initial maps are fixed; the opener is in ns or its parent
    if (ns.parent() == null) {
      return Errno.EPERM;
    }
    if (opener.userns() != ns && opener.userns() != ns.parent()) {
      return Errno.EPERM;
    }
    if (offset != 0 || bytes(data) >= PAGE_SIZE) {
      return Errno.EINVAL;
    }
    IdMap current = kind == Kind.UID ? ns.uidMap() : ns.gidMap();
    if (!current.isEmpty()) {
      return Errno.EPERM; // only one successful write
    }
    if (!opener.capable(Capability.SYS_ADMIN, ns)) {
      return Errno.EPERM; // file_ns_capable(file, map_ns, CAP_SYS_ADMIN)
    }
    IdMap.Parsed parsed = IdMap.parse(data);
    if (parsed.error() != null) {
      return parsed.error();
    }
    if (!permitted(ns, kind, opener, parsed.extents())) {
      return Errno.EPERM;
    }
    IdMap parentMap = kind == Kind.UID ? ns.parent().uidMap() : ns.parent().gidMap();
    List<IdMap.Extent> kernelExtents = new ArrayList<>();
    for (IdMap.Extent e : parsed.extents()) {
      long lower = parentMap.rangeDown(e.lowerFirst(), e.count());
      if (lower == IdMap.INVALID) {
        return Errno.EPERM; // the lower ids must exist in the parent
      }
      kernelExtents.add(new IdMap.Extent(e.first(), lower, e.count()));
    }
    if (kind == Kind.UID) {
      ns.installUidMap(new IdMap(kernelExtents));
    } else {
      ns.installGidMap(new IdMap(kernelExtents));
    }
    return null;
  }

  /**
   * {@code new_idmap_permitted}: mapping the parent's root needs CAP_SETFCAP ({@code
   * verify_root_map}); the creator may map just itself (its euid, or its egid once setgroups is
   * denied) with one line of count 1; anything else needs CAP_SETUID (CAP_SETGID) over the parent.
   */
  static boolean permitted(UserNs ns, Kind kind, Cred opener, List<IdMap.Extent> extents) {
    if (kind == Kind.UID && !verifyRootMap(ns, opener, extents)) {
      return false;
    }
    if (extents.size() == 1 && extents.get(0).count() == 1 && ns.owner() == opener.euid()) {
      long id = extents.get(0).lowerFirst();
      if (kind == Kind.UID && ns.parent().makeKuid(id) == opener.euid()) {
        return true;
      }
      if (kind == Kind.GID && !ns.setgroupsAllowed() && ns.parent().makeKgid(id) == opener.egid()) {
        return true;
      }
    }
    Capability setid = kind == Kind.UID ? Capability.SETUID : Capability.SETGID;
    return opener.capable(setid, ns.parent());
  }

  /**
   * {@code verify_root_map}: a map that gives away the parent's uid 0 needs CAP_SETFCAP, held by
   * the creator when it made the namespace (writing one's own map) or by the writer over the
   * parent (writing a child's).
   */
  private static boolean verifyRootMap(UserNs ns, Cred opener, List<IdMap.Extent> extents) {
    if (extents.stream().noneMatch(e -> e.lowerFirst() == 0)) {
      return true;
    }
    if (ns == opener.userns()) {
      return ns.parentCouldSetfcap();
    }
    return opener.capable(Capability.SETFCAP, ns.parent());
  }

  /** {@code proc_setgroups_open}: opening for writing needs CAP_SYS_ADMIN over the namespace. */
  public static Errno openSetgroupsForWrite(UserNs ns, Cred opener) {
    return opener.capable(Capability.SYS_ADMIN, ns) ? null : Errno.EACCES;
  }

  /**
   * {@code proc_setgroups_write}: {@code allow} or {@code deny}, optionally followed by white
   * space, in one write shorter than 8 bytes at offset 0. Denying is for good, and is refused once
   * a gid map exists; allowing is refused once denied.
   */
  public static Errno writeSetgroups(UserNs ns, String data, long offset) {
    if (offset != 0 || bytes(data) >= 8) {
      return Errno.EINVAL;
    }
    boolean allow;
    String rest;
    if (data.startsWith("allow")) {
      allow = true;
      rest = data.substring(5);
    } else if (data.startsWith("deny")) {
      allow = false;
      rest = data.substring(4);
    } else {
      return Errno.EINVAL;
    }
    if (!rest.chars().allMatch(c -> IdMap.isSpace((char) c))) {
      return Errno.EINVAL;
    }
    if (allow) {
      return ns.setgroupsAllowed() ? null : Errno.EPERM;
    }
    if (!ns.gidMap().isEmpty()) {
      return Errno.EPERM;
    }
    ns.denySetgroups();
    return null;
  }

  private static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
