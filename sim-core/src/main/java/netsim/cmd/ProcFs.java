package netsim.cmd;

import netsim.model.Capability;
import netsim.model.Errno;
import netsim.model.Sysctls;

/**
 * The files under /proc a scenario may read or write, as seen by one process: /proc/sys/net
 * (the sysctls of the process's network namespace) and, through {@link #selfFiles}, the
 * /proc/self files of its user namespace.
 */
public final class ProcFs {
  private ProcFs() {}

  /** An open file: what reading gives, and what a write of some text does. */
  public interface ProcFile {
    /** The file's text, or null when it cannot be read. */
    String read();

    /** Writes the text as one write() at offset 0; null on success, else the errno. */
    Errno write(String data);
  }

  /** The outcome of open(): a file, or an errno. */
  public record Opened(ProcFile file, Errno error, boolean directory) {
    static Opened of(ProcFile f) {
      return new Opened(f, null, false);
    }

    static Opened fail(Errno e) {
      return new Opened(null, e, false);
    }
  }

  /** Resolves /proc/self/... files; the user-namespace part of the model provides it. */
  public interface SelfFiles {
    Opened open(Proc p, String name, boolean write);
  }

  private static volatile SelfFiles selfFiles = (p, name, write) -> Opened.fail(Errno.ENOENT);

  public static void setSelfFiles(SelfFiles s) {
    selfFiles = s;
  }

  /** The sysctl key of a /proc/sys path: slashes become dots. */
  public static String keyOf(String path) {
    return path.substring("/proc/sys/".length()).replace('/', '.');
  }

  /** open(2) of a /proc path for reading or writing. */
  public static Opened open(Proc p, String path, boolean write) {
    if (path.startsWith("/proc/self/")) {
      return selfFiles.open(p, path.substring("/proc/self/".length()), write);
    }
    if (!path.startsWith("/proc/sys/")) {
      return Opened.fail(Errno.ENOENT);
    }
    String key = keyOf(path);
    while (key.endsWith(".")) {
      key = key.substring(0, key.length() - 1);
    }
    Sysctls s = p.netns().sysctls();
    if (!s.exists(key)) {
      if (!s.keysUnder(key).isEmpty() || key.equals("net") || key.isEmpty()) {
        return new Opened(null, write ? Errno.EISDIR : null, true);
      }
      return Opened.fail(Errno.ENOENT);
    }
    if (write && !mayWriteSysctl(p)) {
      return Opened.fail(Errno.EACCES);
    }
    String k = key;
    return Opened.of(new ProcFile() {
      @Override
      public String read() {
        String v = s.read(k, p.cred().userns());
        return v == null ? null : v + "\n";
      }

      @Override
      public Errno write(String data) {
        if (needsNetAdmin(k) && !p.canAdminNet()) {
          return Errno.EPERM;
        }
        return s.write(k, data, p.cred().userns());
      }
    });
  }

  /**
   * Whether a process may open a sysctl file for writing: {@code net_ctl_permissions} gives
   * whoever holds CAP_NET_ADMIN over the namespace's owner the owner's bits for everyone (0644
   * becomes 0666); otherwise {@code test_perm} applies the file's 0644 with the owner being kernel
   * uid 0 itself, whatever user namespace it is in (so real root inside {@code unshare -U} may
   * still write {@code rp_filter} of the host, while the forwarding handlers ask for
   * CAP_NET_ADMIN themselves). {@code proc_sys_permission} does not consult CAP_DAC_OVERRIDE.
   */
  static boolean mayWriteSysctl(Proc p) {
    return p.cred().capable(Capability.NET_ADMIN, p.netns().owner()) || p.cred().euid() == 0;
  }

  /** Handlers that check CAP_NET_ADMIN themselves ({@code devinet_sysctl_forward}). */
  private static boolean needsNetAdmin(String key) {
    return key.equals("net.ipv4.ip_forward") || key.endsWith(".forwarding");
  }
}
