package netsim.cmd.userns;

import java.nio.charset.StandardCharsets;
import netsim.cmd.Proc;
import netsim.cmd.ProcFs;
import netsim.model.Capability;
import netsim.model.Cred;
import netsim.model.Errno;
import netsim.model.Inode;
import netsim.model.MapWrite;
import netsim.model.UserNs;

/**
 * {@code /proc/self/uid_map}, {@code gid_map}, {@code setgroups} and {@code status} of the process
 * that opens them (fs/proc/base.c, kernel/user_namespace.c).
 *
 * <p>Opening succeeds for reading; for writing, {@code setgroups} needs CAP_SYS_ADMIN over the
 * namespace ({@code proc_setgroups_open}, EACCES) and {@code status} (mode 0444) needs
 * CAP_DAC_OVERRIDE over the process's own inode, after which the write itself is refused
 * (EINVAL). The maps belong to the process, so it may always open them; whether a write is taken
 * is {@link MapWrite}'s business. Each open file keeps its offset, as the kernel's does.
 */
final class SelfFiles implements ProcFs.SelfFiles {

  @Override
  public ProcFs.Opened open(Proc p, String name, boolean write) {
    Cred opener = p.cred();
    UserNs ns = opener.userns();
    return switch (name) {
      case "uid_map" -> opened(new MapFile(p, MapWrite.Kind.UID));
      case "gid_map" -> opened(new MapFile(p, MapWrite.Kind.GID));
      case "setgroups" -> {
        Errno e = write ? MapWrite.openSetgroupsForWrite(ns, opener) : null;
        if (e != null) {
          p.capable(Capability.SYS_ADMIN, ns, "opening /proc/self/setgroups for writing");
          yield failed(e);
        }
        yield opened(new SetgroupsFile(ns));
      }
      case "status" -> {
        Inode self = new Inode(opener.euid(), opener.egid(), 0444, false);
        if (write && !Inode.permission(opener, self, Inode.MAY_WRITE)) {
          yield failed(Errno.EACCES);
        }
        yield opened(new StatusFile(opener));
      }
      default -> failed(Errno.ENOENT);
    };
  }

  private static ProcFs.Opened opened(ProcFs.ProcFile f) {
    return new ProcFs.Opened(f, null, false);
  }

  private static ProcFs.Opened failed(Errno e) {
    return new ProcFs.Opened(null, e, false);
  }

  private static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  /**
   * {@code uid_map} or {@code gid_map} of the opener's namespace, read as the opener sees it. A
   * write refused for want of CAP_SYS_ADMIN over the namespace is recorded for explanations.
   */
  private static final class MapFile implements ProcFs.ProcFile {
    private final Proc p;
    private final UserNs ns;
    private final MapWrite.Kind kind;
    private final Cred opener;
    private long offset;

    MapFile(Proc p, MapWrite.Kind kind) {
      this.p = p;
      this.ns = p.cred().userns();
      this.kind = kind;
      this.opener = p.cred();
    }

    @Override
    public String read() {
      UserNs reader = opener.userns();
      return kind == MapWrite.Kind.UID ? ns.showUidMap(reader) : ns.showGidMap(reader);
    }

    @Override
    public Errno write(String data) {
      Errno e = MapWrite.writeMap(ns, kind, opener, data, offset);
      if (e == null) {
        offset += bytes(data);
      } else if (e == Errno.EPERM && ns.parent() != null && (kind == MapWrite.Kind.UID
          ? ns.uidMap() : ns.gidMap()).isEmpty()) {
        p.capable(Capability.SYS_ADMIN, ns, "writing /proc/self/" + (kind == MapWrite.Kind.UID
            ? "uid_map" : "gid_map"));
      }
      return e;
    }
  }

  /** {@code setgroups}: {@code allow} or {@code deny}. */
  private static final class SetgroupsFile implements ProcFs.ProcFile {
    private final UserNs ns;
    private long offset;

    SetgroupsFile(UserNs ns) {
      this.ns = ns;
    }

    @Override
    public String read() {
      return ns.showSetgroups();
    }

    @Override
    public Errno write(String data) {
      Errno e = MapWrite.writeSetgroups(ns, data, offset);
      if (e == null) {
        offset += bytes(data);
      }
      return e;
    }
  }

  /**
   * {@code status}, with the lines the model knows (names, ids, groups and capabilities, as the
   * process's namespace shows them); the kernel's others (pids, memory, signals, scheduling) are
   * left out, as nothing in the model decides them.
   */
  private static final class StatusFile implements ProcFs.ProcFile {
    private final Cred c;

    StatusFile(Cred c) {
      this.c = c;
    }

    @Override
    public String read() {
      StringBuilder sb = new StringBuilder();
      sb.append("Name:\tcat\nUmask:\t0022\nState:\tR (running)\n");
      sb.append("Uid:\t").append(four(c.nsUid(), c.nsEuid())).append('\n');
      sb.append("Gid:\t").append(four(c.nsGid(), c.nsEgid())).append('\n');
      sb.append("Groups:\t");
      for (int i = 0; i < c.nsGroups().size(); i++) {
        sb.append(i > 0 ? " " : "").append(c.nsGroups().get(i));
      }
      sb.append(" \n");
      sb.append(caps("CapInh", 0)).append(caps("CapPrm", c.capEff())).append(caps("CapEff", c.capEff()))
          .append(caps("CapBnd", Capability.FULL_SET)).append(caps("CapAmb", 0));
      sb.append("NoNewPrivs:\t0\n");
      return sb.toString();
    }

    /** Real, effective, saved and filesystem id: the saved and fs ids follow the effective. */
    private static String four(long real, long effective) {
      return real + "\t" + effective + "\t" + effective + "\t" + effective;
    }

    private static String caps(String name, long set) {
      return name + ":\t" + String.format("%016x", set) + "\n";
    }

    @Override
    public Errno write(String data) {
      return Errno.EINVAL;
    }
  }
}
