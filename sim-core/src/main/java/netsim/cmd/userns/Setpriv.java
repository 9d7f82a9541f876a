package netsim.cmd.userns;

import java.util.ArrayList;
import java.util.List;
import netsim.cmd.Command;
import netsim.cmd.Io;
import netsim.cmd.Proc;
import netsim.model.Capability;
import netsim.model.Cred;
import netsim.model.KernelException;
import netsim.model.UserDb;

/**
 * {@code setpriv} of util-linux 2.38.1, for changing ids: {@code --reuid}, {@code --regid},
 * {@code --ruid}, {@code --euid}, {@code --rgid}, {@code --egid}, {@code --clear-groups}, {@code
 * --keep-groups}, {@code --init-groups}, {@code --groups}, then the command.
 *
 * <p>In the tool's order: {@code setresuid}, {@code setresgid}, then the groups, each a system
 * call that can fail (the message ends in the errno's text, status 127). The tool keeps its
 * capabilities across the uid change ({@code PR_SET_KEEPCAPS}), so it can still set groups as
 * uid 1000; the command it executes gets its capabilities recomputed ({@link Cred#afterExec}),
 * which leaves a user other than root with none.
 */
final class Setpriv implements Command {
  private static final String PROG = "setpriv";

  /** {@code SETPRIV_EXIT_PRIVERR}: how setpriv exits when a privilege change fails. */
  static final int EXIT_PRIVERR = 127;

  // the option codes of setpriv.c, in its enum order (the exclusive-group check compares them)
  private static final int NNP = 256;
  private static final int RUID = 257;
  private static final int EUID = 258;
  private static final int RGID = 259;
  private static final int EGID = 260;
  private static final int REUID = 261;
  private static final int REGID = 262;
  private static final int CLEAR_GROUPS = 263;
  private static final int KEEP_GROUPS = 264;
  private static final int INIT_GROUPS = 265;
  private static final int GROUPS = 266;
  private static final int OTHER = 267;

  private static final List<Getopt.LongOpt> LONGS = List.of(
      new Getopt.LongOpt("dump", Getopt.Arg.NONE, 'd'),
      new Getopt.LongOpt("nnp", Getopt.Arg.NONE, NNP),
      new Getopt.LongOpt("no-new-privs", Getopt.Arg.NONE, NNP),
      new Getopt.LongOpt("inh-caps", Getopt.Arg.REQUIRED, OTHER),
      new Getopt.LongOpt("ambient-caps", Getopt.Arg.REQUIRED, OTHER + 1),
      new Getopt.LongOpt("list-caps", Getopt.Arg.NONE, OTHER + 2),
      new Getopt.LongOpt("ruid", Getopt.Arg.REQUIRED, RUID),
      new Getopt.LongOpt("euid", Getopt.Arg.REQUIRED, EUID),
      new Getopt.LongOpt("rgid", Getopt.Arg.REQUIRED, RGID),
      new Getopt.LongOpt("egid", Getopt.Arg.REQUIRED, EGID),
      new Getopt.LongOpt("reuid", Getopt.Arg.REQUIRED, REUID),
      new Getopt.LongOpt("regid", Getopt.Arg.REQUIRED, REGID),
      new Getopt.LongOpt("clear-groups", Getopt.Arg.NONE, CLEAR_GROUPS),
      new Getopt.LongOpt("keep-groups", Getopt.Arg.NONE, KEEP_GROUPS),
      new Getopt.LongOpt("init-groups", Getopt.Arg.NONE, INIT_GROUPS),
      new Getopt.LongOpt("groups", Getopt.Arg.REQUIRED, GROUPS),
      new Getopt.LongOpt("bounding-set", Getopt.Arg.REQUIRED, OTHER + 3),
      new Getopt.LongOpt("securebits", Getopt.Arg.REQUIRED, OTHER + 4),
      new Getopt.LongOpt("pdeathsig", Getopt.Arg.REQUIRED, OTHER + 5),
      new Getopt.LongOpt("selinux-label", Getopt.Arg.REQUIRED, OTHER + 6),
      new Getopt.LongOpt("apparmor-profile", Getopt.Arg.REQUIRED, OTHER + 7),
      new Getopt.LongOpt("help", Getopt.Arg.NONE, 'h'),
      new Getopt.LongOpt("reset-env", Getopt.Arg.NONE, OTHER + 8),
      new Getopt.LongOpt("version", Getopt.Arg.NONE, 'V'));

  /** The one exclusive group of setpriv: how the groups are set. */
  private static final List<Integer> GROUP_OPTIONS =
      List.of(CLEAR_GROUPS, KEEP_GROUPS, INIT_GROUPS, GROUPS);

  /** What the options asked for ({@code struct privctx}). */
  private static final class Request {
    boolean haveRuid;
    boolean haveEuid;
    boolean haveRgid;
    boolean haveEgid;
    long ruid;
    long euid;
    long rgid;
    long egid;
    UserDb.User passwd;
    boolean clearGroups;
    boolean keepGroups;
    boolean initGroups;
    List<Long> groups;
    int exclusiveSeen;
  }

  @Override
  public int run(Proc p, List<String> args, Io io) {
    try {
      return setpriv(p, args, io);
    } catch (ToolExit e) {
      return e.status;
    }
  }

  private int setpriv(Proc p, List<String> args, Io io) {
    Getopt.Result parsed = Getopt.parse(PROG, "+dhV", LONGS, args);
    Request rq = new Request();
    for (Getopt.Opt o : parsed.opts()) {
      exclusive(rq, o.code(), io);
      apply(p, rq, o, io);
    }
    if (parsed.failed()) {
      io.err(parsed.error());
      throw ToolExit.with(io, 1, "Try 'setpriv --help' for more information.");
    }
    check(rq, parsed.operands(), io);
    Cred c = change(p, rq, io);
    return p.withCred(c.afterExec()).exec(parsed.operands(), io);
  }

  /** {@code err_exclusive_options}: two different ways of setting the groups. */
  private static void exclusive(Request rq, int code, Io io) {
    if (!GROUP_OPTIONS.contains(code)) {
      return;
    }
    if (rq.exclusiveSeen != 0 && rq.exclusiveSeen != code) {
      throw ToolExit.with(io, 1, "setpriv: mutually exclusive arguments: --clear-groups"
          + " --keep-groups --init-groups --groups");
    }
    rq.exclusiveSeen = code;
  }

  private static void apply(Proc p, Request rq, Getopt.Opt o, Io io) {
    String v = o.value();
    switch (o.code()) {
      case RUID -> {
        dup(rq.haveRuid, "duplicate ruid", io);
        rq.haveRuid = true;
        rq.ruid = Ids.user(p, PROG, v, "failed to parse ruid", io, false);
      }
      case EUID -> {
        dup(rq.haveEuid, "duplicate euid", io);
        rq.haveEuid = true;
        rq.euid = Ids.user(p, PROG, v, "failed to parse euid", io, false);
      }
      case REUID -> {
        dup(rq.haveRuid || rq.haveEuid, "duplicate ruid or euid", io);
        rq.haveRuid = true;
        rq.haveEuid = true;
        rq.ruid = Ids.user(p, PROG, v, "failed to parse reuid", io, false);
        rq.euid = rq.ruid;
        rq.passwd = Ids.db(p).user(rq.ruid).orElse(null);
      }
      case RGID -> {
        dup(rq.haveRgid, "duplicate rgid", io);
        rq.haveRgid = true;
        rq.rgid = Ids.group(p, PROG, v, "failed to parse rgid", io, false);
      }
      case EGID -> {
        dup(rq.haveEgid, "duplicate egid", io);
        rq.haveEgid = true;
        rq.egid = Ids.group(p, PROG, v, "failed to parse egid", io, false);
      }
      case REGID -> {
        dup(rq.haveRgid || rq.haveEgid, "duplicate rgid or egid", io);
        rq.haveRgid = true;
        rq.haveEgid = true;
        rq.rgid = Ids.group(p, PROG, v, "failed to parse regid", io, false);
        rq.egid = rq.rgid;
      }
      case CLEAR_GROUPS -> {
        dup(rq.clearGroups, "duplicate --clear-groups option", io);
        rq.clearGroups = true;
      }
      case KEEP_GROUPS -> {
        dup(rq.keepGroups, "duplicate --keep-groups option", io);
        rq.keepGroups = true;
      }
      case INIT_GROUPS -> {
        dup(rq.initGroups, "duplicate --init-groups option", io);
        rq.initGroups = true;
      }
      case GROUPS -> {
        dup(rq.groups != null, "duplicate --groups option", io);
        rq.groups = new ArrayList<>();
        for (String g : v.split(",", -1)) {
          rq.groups.add(Ids.group(p, PROG, g, "Invalid supplementary group id", io, false));
        }
      }
      default -> throw ToolExit.with(io, 1,
          "setpriv: netsim does not model this option of setpriv");
    }
  }

  private static void dup(boolean seen, String message, Io io) {
    if (seen) {
      throw ToolExit.with(io, 1, "setpriv: " + message);
    }
  }

  /** The checks after the options, in the tool's order. */
  private static void check(Request rq, List<String> command, Io io) {
    if (command.isEmpty()) {
      throw ToolExit.with(io, 1, "setpriv: No program specified");
    }
    if ((rq.haveRgid || rq.haveEgid) && !rq.keepGroups && !rq.clearGroups && !rq.initGroups
        && rq.groups == null) {
      throw ToolExit.with(io, 1, "setpriv: --[re]gid requires --keep-groups, --clear-groups,"
          + " --init-groups, or --groups");
    }
    if (rq.initGroups && !rq.haveRuid) {
      throw ToolExit.with(io, 1, "setpriv: --init-groups requires --ruid or --reuid");
    }
    if (rq.initGroups && rq.passwd == null) {
      throw ToolExit.with(io, 1, "setpriv: uid " + rq.ruid + " not found, --init-groups"
          + " requires an user that can be found on the system");
    }
  }

  /**
   * The system calls: {@code setresuid(ruid, euid, euid)} and {@code setresgid} with the ids not
   * given taken from {@code getresuid} (as the process's namespace shows them), then {@code
   * setgroups} ({@code --groups}, {@code --clear-groups}) or {@code initgroups} (the user's
   * groups in /etc/group, with the primary group from /etc/passwd).
   */
  private static Cred change(Proc p, Request rq, Io io) {
    Cred c = p.cred();
    if (rq.haveRuid || rq.haveEuid) {
      Cred old = c;
      c = call(p.withCred(old), io, "setresuid", Capability.SETUID,
          () -> old.setresuid(rq.haveRuid ? rq.ruid : old.nsUid(),
              rq.haveEuid ? rq.euid : old.nsEuid()));
    }
    if (rq.haveRgid || rq.haveEgid) {
      Cred old = c;
      c = call(p.withCred(old), io, "setresgid", Capability.SETGID,
          () -> old.setresgid(rq.haveRgid ? rq.rgid : old.nsGid(),
              rq.haveEgid ? rq.egid : old.nsEgid()));
    }
    Cred old = c;
    Proc now = p.withCred(old);
    if (rq.groups != null) {
      return call(now, io, "setgroups", Capability.SETGID, () -> old.setgroups(rq.groups));
    }
    if (rq.initGroups) {
      List<Long> list = Ids.db(p).groupList(rq.passwd.name(), rq.passwd.gid());
      return call(now, io, "initgroups", Capability.SETGID, () -> old.setgroups(list));
    }
    if (rq.clearGroups) {
      return call(now, io, "setgroups", Capability.SETGID, () -> old.setgroups(List.of()));
    }
    return c;
  }

  private interface Syscall {
    Cred run();
  }

  /**
   * Makes one call; a failure ends setpriv. An EPERM for want of {@code cap} in the process's
   * namespace is recorded for explanations.
   */
  private static Cred call(Proc p, Io io, String name, Capability cap, Syscall s) {
    try {
      return s.run();
    } catch (KernelException e) {
      if (e.errno == netsim.model.Errno.EPERM) {
        p.capable(cap, p.cred().userns(), name);
      }
      throw ToolExit.with(io, EXIT_PRIVERR, "setpriv: " + name + " failed: " + e.errno.text);
    }
  }
}
