package netsim.model;

/**
 * A file's owner (kernel ids), type and permission bits, with the kernel's permission checks
 * ({@code generic_permission}, {@code inode_owner_or_capable}, {@code capable_wrt_inode_uidgid}).
 *
 * <p>A capability helps with a file only when the file's owner and group are both mapped in the
 * process's user namespace: root of a user namespace cannot touch the files of ids it does not
 * map.
 *
 * @param mode the permission bits, with the sticky bit ({@code 01777})
 */
public record Inode(long uid, long gid, int mode, boolean directory) {
  public static final int MAY_EXEC = 1;
  public static final int MAY_WRITE = 2;
  public static final int MAY_READ = 4;

  /** {@code privileged_wrt_inode_uidgid}: owner and group are mapped in the process's namespace. */
  static boolean mappedFor(Cred c, Inode i) {
    return c.userns().fromKuid(i.uid) != IdMap.INVALID
        && c.userns().fromKgid(i.gid) != IdMap.INVALID;
  }

  /** {@code capable_wrt_inode_uidgid}. */
  public static boolean capableWrt(Cred c, Inode i, Capability cap) {
    return c.capable(cap, c.userns()) && mappedFor(c, i);
  }

  /** {@code inode_owner_or_capable}: the owner, or CAP_FOWNER over the file. */
  public static boolean ownerOrCapable(Cred c, Inode i) {
    return c.euid() == i.uid || capableWrt(c, i, Capability.FOWNER);
  }

  /**
   * {@code generic_permission}: the owner's, the group's or the others' bits, in that order of
   * who the process is; failing those, CAP_DAC_OVERRIDE (CAP_DAC_READ_SEARCH for reading and for
   * searching a directory) over the file.
   */
  public static boolean permission(Cred c, Inode i, int mask) {
    int bits;
    if (c.euid() == i.uid) {
      bits = i.mode >> 6;
    } else if (c.inGroup(i.gid)) {
      bits = i.mode >> 3;
    } else {
      bits = i.mode;
    }
    if ((mask & ~bits & 7) == 0) {
      return true;
    }
    boolean execOk = i.directory || (mask & MAY_EXEC) == 0 || (i.mode & 0111) != 0;
    if (execOk && capableWrt(c, i, Capability.DAC_OVERRIDE)) {
      return true;
    }
    boolean readOnly = (mask & ~(MAY_READ | (i.directory ? MAY_EXEC : 0))) == 0;
    return readOnly && capableWrt(c, i, Capability.DAC_READ_SEARCH);
  }

  /** {@code drwxrwxrwt}-style text ({@code %A} of stat). */
  public String modeText() {
    StringBuilder sb = new StringBuilder(directory ? "d" : "-");
    String rwx = "rwxrwxrwx";
    for (int b = 0; b < 9; b++) {
      sb.append((mode & (0400 >> b)) != 0 ? rwx.charAt(b) : '-');
    }
    if ((mode & 01000) != 0) {
      sb.setCharAt(9, (mode & 1) != 0 ? 't' : 'T');
    }
    return sb.toString();
  }
}
