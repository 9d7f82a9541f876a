package netsim.cmd.userns;

import netsim.cmd.Io;
import netsim.cmd.Proc;
import netsim.model.UserDb;

/**
 * How util-linux tools read a user or group given by name or number: the name in the user
 * database first ({@code getpwnam}, {@code getgrnam}), else a number, cut to 32 bits as a {@code
 * uid_t}. {@code unshare} reads the number with {@code strtoul}, {@code setpriv} with {@code
 * strtol}.
 */
final class Ids {
  private Ids() {}

  static UserDb db(Proc p) {
    return p.kernel().profile().users();
  }

  /** A uid by name or number; on failure writes the tool's message and ends it (status 1). */
  static long user(Proc p, String prog, String text, String what, Io io, boolean unsigned) {
    var u = db(p).user(text);
    if (u.isPresent()) {
      return u.get().uid();
    }
    return number(prog, text, what, io, unsigned);
  }

  /** A gid by name or number. */
  static long group(Proc p, String prog, String text, String what, Io io, boolean unsigned) {
    var g = db(p).group(text);
    if (g.isPresent()) {
      return g.get().gid();
    }
    return number(prog, text, what, io, unsigned);
  }

  static long number(String prog, String text, String what, Io io, boolean unsigned) {
    NumArg.Parsed n = unsigned ? NumArg.strtoul(prog, text, what) : NumArg.strtol(prog, text, what);
    if (n.error() != null) {
      throw ToolExit.with(io, 1, n.error());
    }
    return NumArg.id32(n.value());
  }
}
