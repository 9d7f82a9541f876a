package netsim.cmd.userns;

import java.util.List;
import netsim.cmd.Command;
import netsim.cmd.Io;
import netsim.cmd.Proc;
import netsim.model.Files;
import netsim.model.Inode;
import netsim.model.UserDb;
import netsim.model.UserNs;

/**
 * {@code stat} of GNU coreutils 9.1 for the working folder's files, the folder ({@code .}) and
 * {@code /}: {@code -c FORMAT} (a newline after each file), {@code --printf FORMAT} (backslash
 * escapes, no newline), {@code -t}, and the default form.
 *
 * <p>Owners show through the reader's user namespace ({@code %u %g}, 65534 when unmapped) and are
 * named from the user database ({@code %U %G}, {@code UNKNOWN} when unnamed). Directives take
 * printf's flags, width and precision as stat passes them on. The model keeps no times, device or
 * inode numbers: those directives print fixed values, which the real kernel's will not match.
 */
final class Stat implements Command {
  private static final int PRINTF = 1000;

  private static final List<Getopt.LongOpt> LONGS = List.of(
      new Getopt.LongOpt("dereference", Getopt.Arg.NONE, 'L'),
      new Getopt.LongOpt("file-system", Getopt.Arg.NONE, 'f'),
      new Getopt.LongOpt("format", Getopt.Arg.REQUIRED, 'c'),
      new Getopt.LongOpt("printf", Getopt.Arg.REQUIRED, PRINTF),
      new Getopt.LongOpt("terse", Getopt.Arg.NONE, 't'),
      new Getopt.LongOpt("cached", Getopt.Arg.REQUIRED, 'C'),
      new Getopt.LongOpt("help", Getopt.Arg.NONE, 'h'),
      new Getopt.LongOpt("version", Getopt.Arg.NONE, 'V'));

  private static final String TERSE = "%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o\n";

  private static final String DEFAULT = """
        File: %N
        Size: %-10s\tBlocks: %-10b IO Block: %-6o %F
      Device: %Hd,%Ld\tInode: %-10i  Links: %h
      Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)
      Access: %x
      Modify: %y
      Change: %z
       Birth: %w
      """;

  /** The fixed time the model shows, since it keeps none. */
  private static final String TIME = "1970-01-01 00:00:00.000000000 +0000";

  @Override
  public int run(Proc p, List<String> args, Io io) {
    try {
      return stat(p, args, io);
    } catch (ToolExit e) {
      return e.status;
    }
  }

  private int stat(Proc p, List<String> args, Io io) {
    Getopt.Result parsed = Getopt.parse("stat", "c:fLt", LONGS, args);
    String format = null;
    String delim = "\n";
    boolean escapes = false;
    boolean terse = false;
    for (Getopt.Opt o : parsed.opts()) {
      switch (o.code()) {
        case 'c' -> {
          format = o.value();
          delim = "\n";
          escapes = false;
        }
        case PRINTF -> {
          format = o.value();
          delim = "";
          escapes = true;
        }
        case 't' -> terse = true;
        case 'f' -> throw ToolExit.with(io, 1, "stat: netsim does not model --file-system");
        case 'h' -> {
          io.out(Help.text("stat.help"));
          return 0;
        }
        case 'V' -> {
          io.out(Help.text("stat.version"));
          return 0;
        }
        default -> { } // -L, --cached: no links, no cache here
      }
    }
    if (parsed.failed()) {
      io.err(parsed.error());
      throw ToolExit.with(io, 1, "Try 'stat --help' for more information.");
    }
    if (parsed.operands().isEmpty()) {
      io.errln("stat: missing operand");
      throw ToolExit.with(io, 1, "Try 'stat --help' for more information.");
    }
    if (format == null) {
      format = terse ? TERSE : DEFAULT;
      delim = "";
    }
    int status = 0;
    for (String name : parsed.operands()) {
      Inode i = p.kernel().files().lookup(name);
      if (i == null) {
        io.errln("stat: cannot statx '" + name + "': No such file or directory");
        status = 1;
        continue;
      }
      StringBuilder out = new StringBuilder();
      print(out, format, escapes, new File(p, name, i), io);
      io.out(out.append(delim).toString());
    }
    return status;
  }

  /** One file as the reader sees it. */
  private record File(Proc p, String name, Inode inode) {
    long size() {
      if (!inode.directory()) {
        return 0;
      }
      return inode == Files.ROOT ? 4096 : p.kernel().files().workSize();
    }

    UserNs ns() {
      return p.cred().userns();
    }

    UserDb db() {
      return Ids.db(p);
    }
  }

  /** {@code print_it}: directives, {@code %%}, and with {@code --printf} backslash escapes. */
  private static void print(StringBuilder out, String f, boolean escapes, File file, Io io) {
    for (int k = 0; k < f.length(); k++) {
      char c = f.charAt(k);
      if (c == '\\' && escapes) {
        k = escape(out, f, k, io);
      } else if (c == '%') {
        k = directive(out, f, k, file, io);
      } else {
        out.append(c);
      }
    }
  }

  /** One {@code %[flags][width][.precision]X}; returns the index of its last character. */
  private static int directive(StringBuilder out, String f, int k, File file, Io io) {
    int start = k;
    int j = k + 1;
    while (j < f.length() && "'-+ #0I".indexOf(f.charAt(j)) >= 0) {
      j++;
    }
    String flags = f.substring(k + 1, j);
    int w = j;
    while (j < f.length() && Character.isDigit(f.charAt(j))) {
      j++;
    }
    String width = f.substring(w, j);
    String precision = null;
    if (j < f.length() && f.charAt(j) == '.') {
      int pstart = ++j;
      while (j < f.length() && Character.isDigit(f.charAt(j))) {
        j++;
      }
      precision = f.substring(pstart, j);
    }
    if (j >= f.length() || f.charAt(j) == '%') {
      if (j - start > 1) {
        String d = f.substring(start, Math.min(j + 1, f.length()));
        throw ToolExit.with(io, 1, "stat: '" + d + "': invalid directive");
      }
      out.append('%');
      return j >= f.length() ? j - 1 : j;
    }
    char conv = f.charAt(j);
    if ((conv == 'H' || conv == 'L') && j + 1 < f.length() && f.charAt(j + 1) == 'd') {
      out.append(CFormat.unsigned(flags, width, precision, conv == 'H' ? 0 : 39, 10));
      return j + 1;
    }
    out.append(value(conv, flags, width, precision, file));
    return j;
  }

  /** The text of directive {@code conv} for the file, formatted as stat formats it. */
  private static String value(char conv, String flags, String width, String precision,
      File file) {
    Inode i = file.inode();
    long uid = file.ns().fromKuidMunged(i.uid());
    long gid = file.ns().fromKgidMunged(i.gid());
    return switch (conv) {
      case 'n' -> CFormat.string(flags, width, precision, file.name());
      case 'N' -> CFormat.string(flags, width, precision, "'" + file.name() + "'");
      case 'a' -> CFormat.unsigned(flags, width, precision, i.mode() & 07777, 8);
      case 'A' -> CFormat.string(flags, width, precision, i.modeText());
      case 'f' -> CFormat.unsigned(flags, width, precision, rawMode(i), 16);
      case 'F' -> CFormat.string(flags, width, precision, type(file));
      case 'u' -> CFormat.unsigned(flags, width, precision, uid, 10);
      case 'g' -> CFormat.unsigned(flags, width, precision, gid, 10);
      case 'U' -> CFormat.string(flags, width, precision, orUnknown(file.db().userName(uid)));
      case 'G' -> CFormat.string(flags, width, precision, orUnknown(file.db().groupName(gid)));
      case 's' -> CFormat.unsigned(flags, width, precision, file.size(), 10);
      case 'b' -> CFormat.unsigned(flags, width, precision, file.size() / 512, 10);
      case 'B' -> CFormat.unsigned(flags, width, precision, 512, 10);
      case 'o' -> CFormat.unsigned(flags, width, precision, 4096, 10);
      case 'h' -> CFormat.unsigned(flags, width, precision, i.directory() ? 2 : 1, 10);
      case 'i', 'd', 'D', 't', 'T', 'X', 'Y', 'Z', 'W' ->
          CFormat.unsigned(flags, width, precision, 0, conv == 'D' || conv == 't'
              || conv == 'T' ? 16 : 10);
      case 'm' -> CFormat.string(flags, width, precision, i == Files.ROOT ? "/"
          : "/run");
      case 'x', 'y', 'z', 'w' -> CFormat.string(flags, width, precision, TIME);
      default -> "?";
    };
  }

  private static String orUnknown(String name) {
    return name == null ? "UNKNOWN" : name;
  }

  /** {@code st_mode}: the type bits (0040000 directory, 0100000 regular file) and the mode. */
  private static long rawMode(Inode i) {
    return (i.directory() ? 0040000 : 0100000) | i.mode();
  }

  private static String type(File f) {
    if (f.inode().directory()) {
      return "directory";
    }
    return f.size() == 0 ? "regular empty file" : "regular file";
  }

  /** {@code --printf}'s backslash escapes; returns the index of the escape's last character. */
  private static int escape(StringBuilder out, String f, int k, Io io) {
    if (k + 1 >= f.length()) {
      io.errln("stat: warning: backslash at end of format");
      out.append('\\');
      return k;
    }
    char c = f.charAt(k + 1);
    if (c >= '0' && c <= '7') {
      int v = 0;
      int j = k + 1;
      while (j < f.length() && j < k + 4 && f.charAt(j) >= '0' && f.charAt(j) <= '7') {
        v = v * 8 + (f.charAt(j++) - '0');
      }
      out.append((char) (v & 0xFF));
      return j - 1;
    }
    if (c == 'x' && k + 2 < f.length() && Character.digit(f.charAt(k + 2), 16) >= 0) {
      int v = Character.digit(f.charAt(k + 2), 16);
      int end = k + 2;
      if (k + 3 < f.length() && Character.digit(f.charAt(k + 3), 16) >= 0) {
        v = v * 16 + Character.digit(f.charAt(k + 3), 16);
        end = k + 3;
      }
      out.append((char) v);
      return end;
    }
    String known = "abefnrtv\"\\";
    String values = "\u0007\b\u001b\f\n\r\t\u000b\"\\";
    int at = known.indexOf(c);
    if (at < 0) {
      io.errln("stat: warning: unrecognized escape '\\" + c + "'");
      out.append(c);
    } else {
      out.append(values.charAt(at));
    }
    return k + 1;
  }
}
