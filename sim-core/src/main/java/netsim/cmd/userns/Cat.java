package netsim.cmd.userns;

import java.util.List;
import netsim.cmd.Command;
import netsim.cmd.Io;
import netsim.cmd.Proc;
import netsim.cmd.ProcFs;
import netsim.model.Errno;
import netsim.model.Inode;

/**
 * {@code cat} of GNU coreutils 9.1, for what scenarios may read: files under {@code /proc/sys},
 * {@code /proc/self/{uid_map,gid_map,setgroups,status}}, and the (empty) files of the working
 * folder. Each file that cannot be read gets {@code cat: NAME: REASON}; the others are still
 * printed, and the status is then 1.
 *
 * <p>The options that change the text are those of cat ({@code -n -b -s -E -T -v -A -e -t}); the
 * texts here are ASCII, so {@code -v} changes nothing.
 */
final class Cat implements Command {
  private static final List<Getopt.LongOpt> LONGS = List.of(
      new Getopt.LongOpt("number-nonblank", Getopt.Arg.NONE, 'b'),
      new Getopt.LongOpt("number", Getopt.Arg.NONE, 'n'),
      new Getopt.LongOpt("squeeze-blank", Getopt.Arg.NONE, 's'),
      new Getopt.LongOpt("show-nonprinting", Getopt.Arg.NONE, 'v'),
      new Getopt.LongOpt("show-ends", Getopt.Arg.NONE, 'E'),
      new Getopt.LongOpt("show-tabs", Getopt.Arg.NONE, 'T'),
      new Getopt.LongOpt("show-all", Getopt.Arg.NONE, 'A'),
      new Getopt.LongOpt("help", Getopt.Arg.NONE, 'h'),
      new Getopt.LongOpt("version", Getopt.Arg.NONE, 'V'));

  /** The text options, and the line count that {@code -n} carries across files. */
  private static final class Style {
    boolean number;
    boolean nonBlank;
    boolean squeeze;
    boolean ends;
    boolean tabs;
    int line;
    boolean lastBlank;
  }

  @Override
  public int run(Proc p, List<String> args, Io io) {
    Getopt.Result parsed = Getopt.parse("cat", "benstuvAET", LONGS, args);
    Style s = new Style();
    for (Getopt.Opt o : parsed.opts()) {
      switch (o.code()) {
        case 'b' -> s.number = s.nonBlank = true;
        case 'n' -> s.number = true;
        case 's' -> s.squeeze = true;
        case 'E' -> s.ends = true;
        case 'T' -> s.tabs = true;
        case 'A', 'e', 't' -> {
          s.ends |= o.code() != 't';
          s.tabs |= o.code() != 'e';
        }
        case 'h' -> {
          io.out(Help.text("cat.help"));
          return 0;
        }
        case 'V' -> {
          io.out(Help.text("cat.version"));
          return 0;
        }
        default -> { } // -u and -v change nothing here
      }
    }
    if (parsed.failed()) {
      io.err(parsed.error());
      io.errln("Try 'cat --help' for more information.");
      return 1;
    }
    int status = 0;
    for (String name : parsed.operands()) {
      String text;
      try {
        text = read(p, name);
      } catch (ReadError e) {
        io.errln("cat: " + name + ": " + e.errno.text);
        status = 1;
        continue;
      }
      io.out(style(s, text));
    }
    return status;
  }

  /** A file that could not be opened or read. */
  private static final class ReadError extends Exception {
    final Errno errno;

    ReadError(Errno errno) {
      super(null, null, false, false);
      this.errno = errno;
    }
  }

  /** The contents of one operand; {@code -} is stdin, which is empty. */
  private static String read(Proc p, String name) throws ReadError {
    if (name.equals("-")) {
      return "";
    }
    if (name.startsWith("/proc/")) {
      ProcFs.Opened o = ProcFs.open(p, name, false);
      if (o.directory()) {
        throw new ReadError(Errno.EISDIR);
      }
      if (o.error() != null) {
        throw new ReadError(o.error());
      }
      String t = o.file().read();
      if (t == null) {
        throw new ReadError(Errno.EACCES);
      }
      return t;
    }
    Inode i = p.kernel().files().lookup(name);
    if (i == null) {
      throw new ReadError(Errno.ENOENT);
    }
    if (i.directory()) {
      throw new ReadError(Errno.EISDIR);
    }
    if (!Inode.permission(p.cred(), i, Inode.MAY_READ)) {
      throw new ReadError(Errno.EACCES);
    }
    return "";
  }

  /** Applies {@code -n -b -s -E -T} line by line. */
  private static String style(Style s, String text) {
    if (!s.number && !s.squeeze && !s.ends && !s.tabs) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    int pos = 0;
    while (pos < text.length()) {
      int nl = text.indexOf('\n', pos);
      boolean complete = nl >= 0;
      String line = complete ? text.substring(pos, nl) : text.substring(pos);
      pos = complete ? nl + 1 : text.length();
      boolean blank = line.isEmpty() && complete;
      if (s.squeeze && blank && s.lastBlank) {
        continue;
      }
      s.lastBlank = blank;
      if (s.number && !(s.nonBlank && blank)) {
        out.append(String.format("%6d\t", ++s.line));
      }
      out.append(s.tabs ? line.replace("\t", "^I") : line);
      if (complete) {
        out.append(s.ends ? "$\n" : "\n");
      }
    }
    return out.toString();
  }
}
