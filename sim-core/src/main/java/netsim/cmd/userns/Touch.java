package netsim.cmd.userns;

import java.util.List;
import netsim.cmd.Command;
import netsim.cmd.Io;
import netsim.cmd.Proc;
import netsim.model.Errno;
import netsim.model.Files;

/**
 * {@code touch} of GNU coreutils 9.1 in the working folder: creates each missing file for the
 * process's kernel ids ({@link Files#touch}), or updates the times of an existing one, which
 * needs ownership, CAP_FOWNER over it, or write permission. A refusal prints {@code touch: cannot
 * touch 'NAME': REASON} and the status is 1; the other files are still touched.
 *
 * <p>The model keeps no times, so {@code -a}, {@code -m}, {@code -d}, {@code -t} and {@code -r}
 * change nothing visible; {@code -c} creates nothing.
 */
final class Touch implements Command {
  private static final List<Getopt.LongOpt> LONGS = List.of(
      new Getopt.LongOpt("time", Getopt.Arg.REQUIRED, 'T'),
      new Getopt.LongOpt("no-create", Getopt.Arg.NONE, 'c'),
      new Getopt.LongOpt("date", Getopt.Arg.REQUIRED, 'd'),
      new Getopt.LongOpt("reference", Getopt.Arg.REQUIRED, 'r'),
      new Getopt.LongOpt("no-dereference", Getopt.Arg.NONE, 'h'),
      new Getopt.LongOpt("help", Getopt.Arg.NONE, 'H'),
      new Getopt.LongOpt("version", Getopt.Arg.NONE, 'V'));

  @Override
  public int run(Proc p, List<String> args, Io io) {
    Getopt.Result parsed = Getopt.parse("touch", "acd:fhmr:t:", LONGS, args);
    boolean noCreate = false;
    String reference = null;
    for (Getopt.Opt o : parsed.opts()) {
      switch (o.code()) {
        case 'c' -> noCreate = true;
        case 'r' -> reference = o.value();
        case 'H' -> {
          io.out(Help.text("touch.help"));
          return 0;
        }
        case 'V' -> {
          io.out(Help.text("touch.version"));
          return 0;
        }
        default -> { } // times only
      }
    }
    if (parsed.failed()) {
      io.err(parsed.error());
      io.errln("Try 'touch --help' for more information.");
      return 1;
    }
    if (parsed.operands().isEmpty()) {
      io.errln("touch: missing file operand");
      io.errln("Try 'touch --help' for more information.");
      return 1;
    }
    Files files = p.kernel().files();
    if (reference != null && files.lookup(reference) == null) {
      io.errln("touch: failed to get attributes of '" + reference
          + "': No such file or directory");
      return 1;
    }
    int status = 0;
    for (String name : parsed.operands()) {
      Errno e = name.contains("/") && !name.equals("/") ? Errno.ENOENT
          : files.touch(name, p.cred(), noCreate);
      if (e != null) {
        io.errln("touch: cannot touch '" + name + "': " + e.text);
        status = 1;
      }
    }
    return status;
  }
}
