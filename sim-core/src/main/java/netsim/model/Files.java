package netsim.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The working folder scenarios run in, and the root directory: what {@code touch} creates and
 * {@code stat} shows. As in the kernel backend's sandbox, the folder is an empty directory on a
 * tmpfs, owned by root with mode 1777, and new files get mode 0644 (umask 022).
 *
 * <p>A file belongs to the kernel ids of the process that created it, whatever user namespace it
 * was in: the tmpfs was mounted in the initial namespace, so ids are checked against that one,
 * where every kernel id is mapped. Each namespace then shows the owner through its own maps.
 */
public final class Files {
  /** The mode of new files: 0666 less the umask 022. */
  static final int NEW_FILE_MODE = 0644;

  /** tmpfs's {@code BOGO_DIRENT_SIZE}: a directory's size grows by this per entry. */
  static final int BOGO_DIRENT_SIZE = 20;

  /** {@code /}: root's, 0755. */
  public static final Inode ROOT = new Inode(0, 0, 0755, true);

  /** {@code .}: the working folder, root's, 1777. */
  public static final Inode WORK = new Inode(0, 0, 01777, true);

  private final Map<String, Inode> entries = new LinkedHashMap<>();

  /** The file called {@code name} ({@code /} and {@code .} included), or null. */
  public Inode lookup(String name) {
    return switch (name) {
      case "/" -> ROOT;
      case ".", "./" -> WORK;
      default -> entries.get(name);
    };
  }

  /** The files of the folder, in creation order. */
  public Map<String, Inode> entries() {
    return Collections.unmodifiableMap(entries);
  }

  /** The size tmpfs gives the folder: two entries' worth, and one more per file. */
  public long workSize() {
    return (long) BOGO_DIRENT_SIZE * (2 + entries.size());
  }

  /**
   * What {@code touch NAME} does: an existing file gets new times, which its owner may set, or
   * anyone with CAP_FOWNER over it or write permission ({@code utimensat} with no times); a
   * missing one is created ({@code may_create}: write and search permission on the folder) for
   * the process's effective ids, unless {@code noCreate}.
   *
   * @return null on success, else the errno
   */
  public Errno touch(String name, Cred c, boolean noCreate) {
    Inode existing = lookup(name);
    if (existing != null) {
      boolean ok = Inode.ownerOrCapable(c, existing)
          || Inode.permission(c, existing, Inode.MAY_WRITE);
      return ok ? null : Errno.EACCES;
    }
    if (noCreate) {
      return null;
    }
    if (!Inode.permission(c, WORK, Inode.MAY_WRITE | Inode.MAY_EXEC)) {
      return Errno.EACCES;
    }
    entries.put(name, new Inode(c.euid(), c.egid(), NEW_FILE_MODE, false));
    return null;
  }
}
