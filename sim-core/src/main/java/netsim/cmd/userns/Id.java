package netsim.cmd.userns;

import java.util.ArrayList;
import java.util.List;
import netsim.cmd.Command;
import netsim.cmd.Io;
import netsim.cmd.Proc;
import netsim.model.Cred;
import netsim.model.UserDb;

/**
 * {@code id} of GNU coreutils 9.1: the ids of the process as its user namespace shows them (an
 * unmapped id is 65534), with names from the user database; or the ids of named users.
 *
 * <p>The groups come as {@code mgetgroups} gives them: the effective gid first, then {@code
 * getgroups()}, dropping an entry equal to the first or to the one before it. So two unmapped
 * supplementary groups show once, as {@code 65534(nogroup)}.
 */
final class Id implements Command {
  private static final String PROG = "id";

  private static final List<Getopt.LongOpt> LONGS = List.of(
      new Getopt.LongOpt("context", Getopt.Arg.NONE, 'Z'),
      new Getopt.LongOpt("group", Getopt.Arg.NONE, 'g'),
      new Getopt.LongOpt("groups", Getopt.Arg.NONE, 'G'),
      new Getopt.LongOpt("name", Getopt.Arg.NONE, 'n'),
      new Getopt.LongOpt("real", Getopt.Arg.NONE, 'r'),
      new Getopt.LongOpt("user", Getopt.Arg.NONE, 'u'),
      new Getopt.LongOpt("zero", Getopt.Arg.NONE, 'z'),
      new Getopt.LongOpt("help", Getopt.Arg.NONE, 'h'),
      new Getopt.LongOpt("version", Getopt.Arg.NONE, 'v'));

  /** The options, and whether everything printed could be named. */
  private static final class Run {
    boolean user;
    boolean group;
    boolean groupList;
    boolean name;
    boolean real;
    boolean zero;
    boolean ok = true;
    UserDb db;
    Io io;
  }

  /** One identity to print: real and effective ids and the group list, as shown. */
  private record Who(String name, long ruid, long euid, long rgid, long egid, List<Long> groups) {}

  @Override
  public int run(Proc p, List<String> args, Io io) {
    try {
      return id(p, args, io);
    } catch (ToolExit e) {
      return e.status;
    }
  }

  private int id(Proc p, List<String> args, Io io) {
    Getopt.Result parsed = Getopt.parse(PROG, "agnruzGZ", LONGS, args);
    Run r = new Run();
    r.db = Ids.db(p);
    r.io = io;
    for (Getopt.Opt o : parsed.opts()) {
      switch (o.code()) {
        case 'g' -> r.group = true;
        case 'G' -> r.groupList = true;
        case 'n' -> r.name = true;
        case 'r' -> r.real = true;
        case 'u' -> r.user = true;
        case 'z' -> r.zero = true;
        case 'Z' -> throw ToolExit.with(io, 1,
            "id: --context (-Z) works only on an SELinux-enabled kernel");
        case 'h' -> {
          io.out(Help.text("id.help"));
          return 0;
        }
        case 'v' -> {
          io.out(Help.text("id.version"));
          return 0;
        }
        default -> { } // -a: ignored, for compatibility with SVR4
      }
    }
    if (parsed.failed()) {
      io.err(parsed.error());
      throw ToolExit.with(io, 1, "Try 'id --help' for more information.");
    }
    int only = (r.user ? 1 : 0) + (r.group ? 1 : 0) + (r.groupList ? 1 : 0);
    if (only > 1) {
      throw ToolExit.with(io, 1, "id: cannot print \"only\" of more than one choice");
    }
    if (only == 0 && (r.real || r.name)) {
      throw ToolExit.with(io, 1, "id: cannot print only names or real IDs in default format");
    }
    if (only == 0 && r.zero) {
      throw ToolExit.with(io, 1, "id: option --zero not permitted in default format");
    }
    if (parsed.operands().isEmpty()) {
      Cred c = p.cred();
      List<Long> groups = new ArrayList<>(List.of(c.nsEgid()));
      groups.addAll(c.nsGroups());
      print(r, new Who(null, c.nsUid(), c.nsEuid(), c.nsGid(), c.nsEgid(), dedupe(groups)));
    } else {
      for (String spec : parsed.operands()) {
        UserDb.User u = lookup(r.db, spec);
        if (u == null) {
          io.errln("id: '" + spec + "': no such user"
              + (spec.isEmpty() ? ": No such file or directory" : ""));
          r.ok = false;
          continue;
        }
        print(r, new Who(u.name(), u.uid(), u.uid(), u.gid(), u.gid(),
            r.db.groupList(u.name(), u.gid())));
      }
    }
    return r.ok ? 0 : 1;
  }

  /** {@code parse_user_spec} for a plain spec: a user name, else a number naming a uid. */
  private static UserDb.User lookup(UserDb db, String spec) {
    if (spec.isEmpty()) {
      return null;
    }
    var byName = db.user(spec);
    if (byName.isPresent()) {
      return byName.get();
    }
    if (spec.chars().allMatch(Character::isDigit) && spec.length() <= 10) {
      return db.user(Long.parseLong(spec)).orElse(null);
    }
    return null;
  }

  /** The pass of {@code mgetgroups} that drops an entry equal to the first or to the previous. */
  static List<Long> dedupe(List<Long> g) {
    List<Long> out = new ArrayList<>();
    for (long x : g) {
      if (out.isEmpty() || (x != out.get(0) && x != out.get(out.size() - 1))) {
        out.add(x);
      }
    }
    return out;
  }

  private static void print(Run r, Who w) {
    StringBuilder sb = new StringBuilder();
    char end = r.zero ? '\0' : '\n';
    if (r.user) {
      sb.append(user(r, r.real ? w.ruid() : w.euid()));
    } else if (r.group) {
      sb.append(group(r, r.real ? w.rgid() : w.egid()));
    } else if (r.groupList) {
      char delim = r.zero ? '\0' : ' ';
      sb.append(group(r, w.rgid()));
      if (w.egid() != w.rgid()) {
        sb.append(delim).append(group(r, w.egid()));
      }
      for (long g : w.groups()) {
        if (g != w.rgid() && g != w.egid()) {
          sb.append(delim).append(group(r, g));
        }
      }
    } else {
      sb.append(fullInfo(r, w));
    }
    r.io.out(sb.append(end).toString());
  }

  /** {@code print_full_info}: {@code uid=N(name) gid=N(name) [euid=...] [egid=...] groups=...}. */
  private static String fullInfo(Run r, Who w) {
    StringBuilder sb = new StringBuilder("uid=").append(named(w.ruid(), r.db.userName(w.ruid())));
    sb.append(" gid=").append(named(w.rgid(), r.db.groupName(w.rgid())));
    if (w.euid() != w.ruid()) {
      sb.append(" euid=").append(named(w.euid(), r.db.userName(w.euid())));
    }
    if (w.egid() != w.rgid()) {
      sb.append(" egid=").append(named(w.egid(), r.db.groupName(w.egid())));
    }
    if (!w.groups().isEmpty()) {
      sb.append(" groups=");
      for (int i = 0; i < w.groups().size(); i++) {
        long g = w.groups().get(i);
        sb.append(i > 0 ? "," : "").append(named(g, r.db.groupName(g)));
      }
    }
    return sb.toString();
  }

  private static String named(long id, String name) {
    return name == null ? Long.toString(id) : id + "(" + name + ")";
  }

  /** {@code print_user}: the number, or with {@code -n} the name (an unnamed id is an error). */
  private static String user(Run r, long uid) {
    if (!r.name) {
      return Long.toString(uid);
    }
    String n = r.db.userName(uid);
    if (n == null) {
      r.io.errln("id: cannot find name for user ID " + uid);
      r.ok = false;
      return Long.toString(uid);
    }
    return n;
  }

  /** {@code print_group}. */
  private static String group(Run r, long gid) {
    if (!r.name) {
      return Long.toString(gid);
    }
    String n = r.db.groupName(gid);
    if (n == null) {
      r.io.errln("id: cannot find name for group ID " + gid);
      r.ok = false;
      return Long.toString(gid);
    }
    return n;
  }
}
