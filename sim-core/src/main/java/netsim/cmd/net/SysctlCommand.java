package netsim.cmd.net;

import java.util.ArrayList;
import java.util.List;
import netsim.cmd.Command;
import netsim.cmd.Io;
import netsim.cmd.Proc;
import netsim.cmd.ProcFs;
import netsim.model.Errno;
import netsim.model.Sysctls;

/**
 * {@code sysctl} from procps-ng 4.0.2: reads and writes the {@code net.*} keys of the process's
 * network namespace, through the same /proc/sys files (and permission checks) a shell would use.
 * Errors exit 1 and the remaining keys are still processed.
 */
public final class SysctlCommand implements Command {



  private boolean write;
  private boolean quiet;
  private boolean valuesOnly;
  private boolean namesOnly;
  private boolean binary;
  private boolean ignore;
  private boolean all;
  private boolean dryRun;

  @Override
  public int run(Proc p, List<String> args, Io io) {
    SysctlCommand s = new SysctlCommand();
    return s.exec(p, args, io);
  }

  private int exec(Proc p, List<String> args, Io io) {
    List<String> keys = new ArrayList<>();
    boolean endOfOptions = false;
    for (String a : args) {
      if (!endOfOptions && a.equals("--")) {
        endOfOptions = true;
      } else if (!endOfOptions && a.startsWith("--")) {
        switch (a) {
          case "--all" -> all = true;
          case "--binary" -> binary = true;
          case "--ignore" -> ignore = true;
          case "--names" -> namesOnly = true;
          case "--values" -> valuesOnly = true;
          case "--quiet" -> quiet = true;
          case "--write" -> write = true;
          case "--dry-run" -> dryRun = true;
          case "--deprecated" -> { }
          case "--help" -> {
            io.out(netsim.cmd.Usage.of("sysctl-help"));
            return 0;
          }
          case "--version" -> {
            io.outln("sysctl from procps-ng 4.0.2");
            return 0;
          }
          default -> {
            io.errln("sysctl: unrecognized option '" + a + "'");
            io.err(netsim.cmd.Usage.of("sysctl"));
            return 1;
          }
        }
      } else if (!endOfOptions && a.startsWith("-") && a.length() > 1) {
        for (char c : a.substring(1).toCharArray()) {
          switch (c) {
            case 'a', 'A', 'X' -> all = true;
            case 'b' -> binary = true;
            case 'e' -> ignore = true;
            case 'N' -> namesOnly = true;
            case 'n' -> valuesOnly = true;
            case 'q' -> quiet = true;
            case 'w' -> write = true;
            case 'o', 'x' -> { }
            case 'h', 'd' -> {
              io.out(netsim.cmd.Usage.of("sysctl-help"));
              return 0;
            }
            case 'V' -> {
              io.outln("sysctl from procps-ng 4.0.2");
              return 0;
            }
            default -> {
              io.errln("sysctl: invalid option -- '" + c + "'");
              io.err(netsim.cmd.Usage.of("sysctl"));
              return 1;
            }
          }
        }
      } else {
        keys.add(a);
      }
    }
    if (all) {
      return listDir(p, "", io);
    }
    if (keys.isEmpty()) {
      if (args.isEmpty()) {
        io.err(netsim.cmd.Usage.of("sysctl"));
        return 1;
      }
      io.errln("sysctl: no variables specified");
      io.errln("Try `sysctl --help' for more information.");
      return 1;
    }
    int rc = 0;
    for (String k : keys) {
      int r = write || k.contains("=") ? writeSetting(p, k, io) : readSetting(p, k, io);
      if (r != 0) {
        rc = 1;
      }
    }
    return rc;
  }

  /** A key as typed becomes dotted; leading separators go. */
  private static String dotted(String k) {
    String d = k.replace('/', '.');
    while (d.startsWith(".")) {
      d = d.substring(1);
    }
    return d;
  }

  private static String path(String dotted) {
    return "/proc/sys/" + dotted.replace('.', '/');
  }

  private int readSetting(Proc p, String key, Io io) {
    String k = dotted(key);
    Sysctls s = p.netns().sysctls();
    if (!s.exists(k)) {
      if (!s.keysUnder(k).isEmpty()) {
        return listDir(p, k, io);
      }
      if (!ignore) {
        io.errln("sysctl: cannot stat " + path(k) + ": No such file or directory");
        return 1;
      }
      return 0;
    }
    String v = s.read(k, p.cred().userns());
    if (v == null) {
      return 0; // write-only
    }
    print(k, v, io);
    return 0;
  }

  private void print(String k, String v, Io io) {
    if (namesOnly) {
      io.outln(k);
    } else if (valuesOnly) {
      io.out(binary ? v : v + "\n");
    } else if (binary) {
      io.out(v);
    } else {
      io.outln(k + " = " + v);
    }
  }

  private int listDir(Proc p, String dir, Io io) {
    Sysctls s = p.netns().sysctls();
    List<String> keys = dir.isEmpty() ? new ArrayList<>(s.snapshot().keySet()) : s.keysUnder(dir);
    for (String k : keys) {
      String v = s.read(k, p.cred().userns());
      if (v != null) {
        print(k, v, io);
      }
    }
    return 0;
  }

  private int writeSetting(Proc p, String setting, Io io) {
    int eq = setting.indexOf('=');
    if (eq < 0) {
      io.errln("sysctl: command line(0): invalid syntax, continuing...");
      return 1;
    }
    String k = dotted(setting.substring(0, eq).strip());
    String value = setting.substring(eq + 1).strip();
    if (k.isEmpty()) {
      io.errln("sysctl: command line(0): invalid syntax, continuing...");
      return 1;
    }
    Sysctls s = p.netns().sysctls();
    if (!s.exists(k)) {
      if (!s.keysUnder(k).isEmpty()) {
        io.errln("sysctl: setting key \"" + k + "\": Is a directory");
        return 1;
      }
      if (!ignore) {
        io.errln("sysctl: cannot stat " + path(k) + ": No such file or directory");
        return 1;
      }
      return 0;
    }
    if (!dryRun) {
      ProcFs.Opened o = ProcFs.open(p, path(k), true);
      if (o.error() != null) {
        if (o.error() == Errno.EACCES || o.error() == Errno.EPERM) {
          io.errln("sysctl: permission denied on key \"" + k + "\"");
        } else {
          io.errln("sysctl: setting key \"" + k + "\": " + o.error().text);
        }
        return 1;
      }
      Errno e = o.file().write(value + "\n");
      if (e != null) {
        io.errln("sysctl: setting key \"" + k + "\": " + e.text);
        return 1;
      }
    }
    if (!quiet) {
      if (namesOnly) {
        io.outln(k);
      } else if (valuesOnly) {
        io.out(binary ? value : value + "\n");
      } else {
        io.outln(k + " = " + value);
      }
    }
    return 0;
  }
}
