package netsim.cmd.iptables;

import java.util.List;
import netsim.cmd.Command;
import netsim.cmd.Io;
import netsim.cmd.Proc;
import netsim.netfilter.Netfilter;
import netsim.netfilter.Table;
import netsim.netfilter.TableKind;

/**
 * {@code iptables-save [-c] [-t TABLE]}: every table the namespace has, in iptables' table order
 * (nothing at all in a fresh namespace, E1); or the one named, shown with its built-in chains
 * even before anything created it. Its own options are read by getopt_long with glibc's error
 * messages.
 */
final class IptablesSaveCommand implements Command {
  private static final String PROG = "iptables-save";
  private static final String HINT = "Look at manual page `iptables-save.8' for more information.";

  @Override
  public int run(Proc p, List<String> args, Io io) {
    Getopt g = new Getopt(args, "+:bcdt:M:f:V", List.of(
        new Getopt.LongOpt("binary", Getopt.Arg.NONE, 'b'),
        new Getopt.LongOpt("counters", Getopt.Arg.NONE, 'c'),
        new Getopt.LongOpt("dump", Getopt.Arg.NONE, 'd'),
        new Getopt.LongOpt("table", Getopt.Arg.REQUIRED, 't'),
        new Getopt.LongOpt("modprobe", Getopt.Arg.REQUIRED, 'M'),
        new Getopt.LongOpt("file", Getopt.Arg.REQUIRED, 'f'),
        new Getopt.LongOpt("version", Getopt.Arg.NONE, 'V')));
    boolean counters = false;
    String table = null;
    for (int c; (c = g.next()) != -1; ) {
      switch (c) {
        case 'c' -> counters = true;
        case 't' -> table = g.optarg;
        case 'b', 'd', 'M' -> { }
        case 'V' -> {
          io.outln(PROG + " " + Iptables.VERSION);
          return 0;
        }
        case 'f' -> {
          io.errln(PROG + ": netsim does not model --file");
          return 1;
        }
        case ':' -> {
          io.errln(PROG + ": option requires an argument -- '" + g.lastWord.replace("-", "")
              + "'");
          io.errln(HINT);
          return 1;
        }
        case 1 -> {
          io.errln("Unknown arguments found on commandline");
          return 1;
        }
        default -> {
          String w = g.lastWord;
          io.errln(w.startsWith("--") ? PROG + ": unrecognized option '" + w + "'"
              : PROG + ": invalid option -- '" + w.charAt(w.length() - 1) + "'");
          io.errln(HINT);
          return 1;
        }
      }
    }
    if (g.optind < args.size()) {
      io.errln("Unknown arguments found on commandline");
      return 1;
    }
    TableKind only = null;
    if (table != null) {
      only = TableKind.byName(table);
      if (only == null) {
        io.errln("Table `" + table + "' does not exist");
        return 1;
      }
    }
    if (!p.canAdminNet()) {
      io.errln(PROG + " " + Iptables.VERSION + ": " + Iptables.NOT_ROOT);
      return 4;
    }
    Netfilter nf = p.netns().netfilter();
    long now = p.kernel().clock().now();
    if (only != null) {
      Table t = nf.table(only);
      io.out(Dump.save(t != null ? t : nf.tableOrNew(only), counters, now));
      return 0;
    }
    for (Table t : nf.tables()) {
      io.out(Dump.save(t, counters, now));
    }
    return 0;
  }
}
