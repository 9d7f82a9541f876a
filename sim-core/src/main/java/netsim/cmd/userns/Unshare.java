package netsim.cmd.userns;

import java.util.List;
import netsim.cmd.Command;
import netsim.cmd.Io;
import netsim.cmd.Proc;
import netsim.model.Capability;
import netsim.model.Cred;
import netsim.model.Errno;
import netsim.model.IdMap;
import netsim.model.KernelException;
import netsim.model.MapWrite;
import netsim.model.NetNs;
import netsim.model.UserNs;

/**
 * {@code unshare} of util-linux 2.38.1, for user and network namespaces: {@code -U/--user},
 * {@code -r/--map-root-user}, {@code --map-user}, {@code --map-group}, {@code
 * -c/--map-current-user}, {@code --setgroups allow|deny}, {@code -n/--net}, then the command.
 *
 * <p>In the tool's order: options are read (a later mapping option overrides an earlier one);
 * {@code unshare(2)} makes the namespaces (a new user namespace first, so that a new network
 * namespace belongs to it); then the tool writes {@code /proc/self/uid_map}, then {@code deny} to
 * {@code setgroups} and {@code gid_map}, each map a single line {@code INSIDE OUTSIDE 1}; then the
 * command is executed, which recomputes the capabilities ({@link Cred#afterExec}). Without {@code
 * --fork} no process is left in a new network namespace when the command ends, so it is destroyed.
 */
final class Unshare implements Command {
  private static final String PROG = "unshare";

  private static final int MAP_USER = 1000;
  private static final int MAP_GROUP = 1001;
  private static final int SETGROUPS = 1002;
  /** Options the tool has and netsim does not model; the scenario language refuses them. */
  private static final int OTHER = 1003;

  /** The tool's short options and its whole long-option table, so prefixes resolve as there. */
  private static final String SHORT = "+fhVmuinpCTUrR:w:S:G:c";

  private static final List<Getopt.LongOpt> LONGS = List.of(
      new Getopt.LongOpt("help", Getopt.Arg.NONE, 'h'),
      new Getopt.LongOpt("version", Getopt.Arg.NONE, 'V'),
      new Getopt.LongOpt("mount", Getopt.Arg.OPTIONAL, 'm'),
      new Getopt.LongOpt("uts", Getopt.Arg.OPTIONAL, 'u'),
      new Getopt.LongOpt("ipc", Getopt.Arg.OPTIONAL, 'i'),
      new Getopt.LongOpt("net", Getopt.Arg.OPTIONAL, 'n'),
      new Getopt.LongOpt("pid", Getopt.Arg.OPTIONAL, 'p'),
      new Getopt.LongOpt("user", Getopt.Arg.OPTIONAL, 'U'),
      new Getopt.LongOpt("cgroup", Getopt.Arg.OPTIONAL, 'C'),
      new Getopt.LongOpt("time", Getopt.Arg.OPTIONAL, 'T'),
      new Getopt.LongOpt("fork", Getopt.Arg.NONE, 'f'),
      new Getopt.LongOpt("kill-child", Getopt.Arg.OPTIONAL, OTHER),
      new Getopt.LongOpt("mount-proc", Getopt.Arg.OPTIONAL, OTHER + 1),
      new Getopt.LongOpt("map-user", Getopt.Arg.REQUIRED, MAP_USER),
      new Getopt.LongOpt("map-users", Getopt.Arg.REQUIRED, OTHER + 2),
      new Getopt.LongOpt("map-group", Getopt.Arg.REQUIRED, MAP_GROUP),
      new Getopt.LongOpt("map-groups", Getopt.Arg.REQUIRED, OTHER + 3),
      new Getopt.LongOpt("map-root-user", Getopt.Arg.NONE, 'r'),
      new Getopt.LongOpt("map-current-user", Getopt.Arg.NONE, 'c'),
      new Getopt.LongOpt("map-auto", Getopt.Arg.NONE, OTHER + 4),
      new Getopt.LongOpt("propagation", Getopt.Arg.REQUIRED, OTHER + 5),
      new Getopt.LongOpt("setgroups", Getopt.Arg.REQUIRED, SETGROUPS),
      new Getopt.LongOpt("keep-caps", Getopt.Arg.NONE, OTHER + 6),
      new Getopt.LongOpt("setuid", Getopt.Arg.REQUIRED, 'S'),
      new Getopt.LongOpt("setgid", Getopt.Arg.REQUIRED, 'G'),
      new Getopt.LongOpt("root", Getopt.Arg.REQUIRED, 'R'),
      new Getopt.LongOpt("wd", Getopt.Arg.REQUIRED, 'w'),
      new Getopt.LongOpt("monotonic", Getopt.Arg.REQUIRED, OTHER + 7),
      new Getopt.LongOpt("boottime", Getopt.Arg.REQUIRED, OTHER + 8));

  /** What the options asked for; ids are {@link IdMap#INVALID} ({@code (uid_t) -1}) when unset. */
  private static final class Request {
    boolean user;
    boolean net;
    long mapUser = IdMap.INVALID;
    long mapGroup = IdMap.INVALID;
    /** null, {@code allow} or {@code deny}. */
    String setgroups;
  }

  @Override
  public int run(Proc p, List<String> args, Io io) {
    try {
      return unshare(p, args, io);
    } catch (ToolExit e) {
      return e.status;
    }
  }

  private int unshare(Proc p, List<String> args, Io io) {
    Cred cred = p.cred();
    long realEuid = cred.nsEuid();
    long realEgid = cred.nsEgid();
    Getopt.Result parsed = Getopt.parse(PROG, SHORT, LONGS, args);
    Request rq = new Request();
    for (Getopt.Opt o : parsed.opts()) {
      apply(p, rq, o, realEuid, realEgid, io);
    }
    if (parsed.failed()) {
      io.err(parsed.error());
      throw fail(io, "Try 'unshare --help' for more information.");
    }
    if (parsed.operands().isEmpty()) {
      throw fail(io, "unshare: netsim runs no interactive shell; give a command");
    }
    Cred inside;
    NetNs netns = null;
    try {
      inside = rq.user ? cred.unshareUser() : cred;
      if (rq.net) {
        if (!p.withCred(inside).capable(Capability.SYS_ADMIN, inside.userns(),
            "making a network namespace")) {
          throw new KernelException(Errno.EPERM);
        }
        netns = p.kernel().createNetns(inside.userns());
      }
    } catch (KernelException e) {
      throw fail(io, "unshare: unshare failed: " + e.errno.text);
    }
    try {
      writeMaps(inside, rq, realEuid, realEgid, io);
      Proc child = p.withCred(inside.afterExec()).withNetns(netns != null ? netns : p.netns());
      return child.exec(parsed.operands(), io);
    } finally {
      if (netns != null) {
        p.kernel().destroy(netns);
      }
    }
  }

  private static void apply(Proc p, Request rq, Getopt.Opt o, long realEuid, long realEgid,
      Io io) {
    switch (o.code()) {
      case 'U' -> {
        rq.user = true;
        persistUnsupported(o, "user", io);
      }
      case 'n' -> {
        rq.net = true;
        persistUnsupported(o, "net", io);
      }
      case 'r' -> {
        rq.user = true;
        rq.mapUser = 0;
        rq.mapGroup = 0;
      }
      case 'c' -> {
        rq.user = true;
        rq.mapUser = realEuid;
        rq.mapGroup = realEgid;
      }
      case MAP_USER -> {
        rq.user = true;
        rq.mapUser = Ids.user(p, PROG, o.value(), "failed to parse uid", io, true);
      }
      case MAP_GROUP -> {
        rq.user = true;
        rq.mapGroup = Ids.group(p, PROG, o.value(), "failed to parse gid", io, true);
      }
      case SETGROUPS -> {
        if (!o.value().equals("allow") && !o.value().equals("deny")) {
          throw fail(io, "unshare: unsupported --setgroups argument '" + o.value() + "'");
        }
        rq.setgroups = o.value();
      }
      default -> throw fail(io, "unshare: netsim does not model this option of unshare ("
          + describe(o) + ")");
    }
  }

  /** {@code --user=FILE} and {@code --net=FILE} bind-mount the namespace: not modelled. */
  private static void persistUnsupported(Getopt.Opt o, String name, Io io) {
    if (o.value() != null) {
      throw fail(io, "unshare: netsim does not model --" + name + "=FILE (a bind mount)");
    }
  }

  private static String describe(Getopt.Opt o) {
    if (o.code() < 128) {
      return "-" + (char) o.code();
    }
    return LONGS.stream().filter(l -> l.code() == o.code()).map(l -> "--" + l.name())
        .findFirst().orElse("?");
  }

  /**
   * The writes unshare makes after {@code unshare(2)}, as the process in the new namespace
   * (which holds every capability there until it execs): the uid map; then, for a gid map,
   * {@code deny} to setgroups first, as an unprivileged writer must; then {@code --setgroups}.
   */
  private static void writeMaps(Cred inside, Request rq, long realEuid, long realEgid, Io io) {
    UserNs ns = inside.userns();
    if (rq.mapUser != IdMap.INVALID) {
      Errno e = MapWrite.writeMap(ns, MapWrite.Kind.UID, inside,
          rq.mapUser + " " + realEuid + " 1", 0);
      if (e != null) {
        throw fail(io, "unshare: write failed /proc/self/uid_map: " + e.text);
      }
    }
    if (rq.mapGroup != IdMap.INVALID) {
      if ("allow".equals(rq.setgroups)) {
        throw fail(io, "unshare: options --setgroups=allow and --map-group are mutually exclusive");
      }
      setgroups(ns, inside, "deny", io);
      Errno e = MapWrite.writeMap(ns, MapWrite.Kind.GID, inside,
          rq.mapGroup + " " + realEgid + " 1", 0);
      if (e != null) {
        throw fail(io, "unshare: write failed /proc/self/gid_map: " + e.text);
      }
    }
    if (rq.setgroups != null) {
      setgroups(ns, inside, rq.setgroups, io);
    }
  }

  /** {@code setgroups_control}: open {@code /proc/self/setgroups} for writing, then write. */
  private static void setgroups(UserNs ns, Cred inside, String what, Io io) {
    Errno e = MapWrite.openSetgroupsForWrite(ns, inside);
    if (e != null) {
      throw fail(io, "unshare: cannot open /proc/self/setgroups: " + e.text);
    }
    e = MapWrite.writeSetgroups(ns, what, 0);
    if (e != null) {
      throw fail(io, "unshare: write failed /proc/self/setgroups: " + e.text);
    }
  }

  private static ToolExit fail(Io io, String message) {
    return ToolExit.with(io, 1, message);
  }
}
