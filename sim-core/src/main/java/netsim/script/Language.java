package netsim.script;

import java.util.List;
import java.util.Set;

/**
 * What the scenario language lets a line run, checked before any backend runs it.
 *
 * <p>This is also the kernel backend's first safety wall: only the language's commands can run,
 * commands nested in {@code ip netns exec}, {@code unshare}, {@code setpriv} and {@code bash -c}
 * are checked the same way, and the known ways out of the sandbox are refused here, for both
 * backends alike: a number after {@code netns} (a PID: {@code netns 1} is the machine's own
 * namespace), sysctl writes outside {@code net.*} ({@code kernel.*} and {@code vm.*} change the
 * whole machine), commands that never end ({@code ip monitor}, a bare {@code unshare}) and options
 * that read other files or run other programs ({@code ip -batch}, {@code iptables --modprobe},
 * {@code sysctl -p}).
 */
public final class Language {

  private Language() {}

  /** The commands of version 1 of the language. */
  public static final Set<String> COMMANDS =
      Set.of("ip", "sysctl", "iptables", "iptables-save", "ping", "unshare", "setpriv", "id",
          "cat", "touch", "stat", "echo", "true", "false", "exit", "bash", "sh");

  /** Nesting deeper than this is refused (it is never needed, and it bounds the check). */
  private static final int MAX_DEPTH = 8;

  /**
   * Returns null when the command may run, or why it may not.
   *
   * @param file the scenario's name, used for the messages of nested {@code bash -c} lines
   */
  public static String check(List<String> argv, Redirect redirect, String file) {
    return check(argv, redirect, file, 0);
  }

  private static String check(List<String> argv, Redirect redirect, String file, int depth) {
    if (depth > MAX_DEPTH) {
      return "commands nested more than " + MAX_DEPTH + " deep are not part of the language";
    }
    if (argv.isEmpty()) {
      return redirect != null ? "a redirection needs a command: `echo WORDS > FILE`" : "no command";
    }
    if (redirect != null) {
      if (!argv.get(0).equals("echo")) {
        return "only `echo WORDS > FILE` may redirect output";
      }
      String why = checkProcPath(redirect.path(), true);
      if (why != null) {
        return why;
      }
    }
    String cmd = argv.get(0);
    if (!COMMANDS.contains(cmd)) {
      if (cmd.contains("/")) {
        return "commands are named, not given as paths: `" + cmd + "`";
      }
      return "`" + cmd + "` is not a command of the scenario language";
    }
    List<String> args = argv.subList(1, argv.size());
    return switch (cmd) {
      case "ip" -> checkIp(args, file, depth);
      case "sysctl" -> checkSysctl(args);
      case "iptables", "iptables-save" -> checkIptables(args);
      case "unshare" -> checkUnshare(args, file, depth);
      case "setpriv" -> checkSetpriv(args, file, depth);
      case "bash", "sh" -> checkShell(cmd, args, file, depth);
      case "cat" -> checkFiles(args, false);
      case "touch" -> checkTouch(args);
      case "stat" -> checkStat(args);
      case "ping" -> checkPing(args);
      default -> null;
    };
  }

  // ---------------------------------------------------------------------------------- ip

  /** iproute2 6.1's object table, in its order (ip/ip.c cmds[]): a prefix picks the first. */
  private static final List<String> IP_OBJECTS =
      List.of("address", "addrlabel", "maddress", "route", "rule", "neighbor", "neighbour",
          "ntable", "ntbl", "link", "l2tp", "fou", "ila", "macsec", "tunnel", "tunl", "tuntap",
          "tap", "token", "tcpmetrics", "tcp_metrics", "monitor", "xfrm", "mroute", "mrule",
          "netns", "netconf", "vrf", "sr", "nexthop", "mptcp", "ioam", "help", "stats");

  /** The link kinds {@code ip link add ... type KIND} may name. */
  private static final Set<String> LINK_KINDS = Set.of("veth", "bridge", "dummy");

  private static final Set<String> IP_OBJECTS_ALLOWED =
      Set.of("address", "route", "rule", "neighbor", "neighbour", "link", "netns", "help");

  /** iproute2's {@code matches(prefix, word)}: a non-empty prefix of the word. */
  public static boolean matches(String prefix, String word) {
    return !prefix.isEmpty() && word.startsWith(prefix);
  }

  private static String checkIp(List<String> args, String file, int depth) {
    int i = 0;
    while (i < args.size()) {
      String opt = args.get(i);
      if (opt.equals("--")) {
        i++;
        break;
      }
      if (!opt.startsWith("-")) {
        break;
      }
      String o = opt.startsWith("--") ? opt.substring(1) : opt;
      if (matches(o, "-batch") || matches(o, "-force") || matches(o, "-all")) {
        return "`ip " + opt + "` is not part of the scenario language";
      }
      if (matches(o, "-netns") && i + 1 < args.size() && args.get(i + 1).contains("/")) {
        return "`ip " + opt + " " + args.get(i + 1)
            + "` is a path; name a namespace of the scenario instead";
      }
      if (matches(o, "-netns") || matches(o, "-loops") || matches(o, "-family")
          || matches(o, "-rcvbuf")) {
        i++; // takes a value
      }
      i++;
    }
    if (i >= args.size()) {
      return null; // ip prints its usage
    }
    String object = args.get(i);
    String resolved = IP_OBJECTS.stream().filter(o -> matches(object, o)).findFirst().orElse(null);
    if (resolved == null) {
      return null; // ip says the object is unknown
    }
    if (!IP_OBJECTS_ALLOWED.contains(resolved)) {
      return "`ip " + resolved + "` is not part of the scenario language";
    }
    List<String> rest = args.subList(i + 1, args.size());
    for (int k = 0; k + 1 < rest.size(); k++) {
      String v = rest.get(k + 1);
      if (rest.get(k).equals("netns") && !v.isEmpty()
          && v.chars().allMatch(Character::isDigit)) {
        return "`netns " + v + "` names a process by its PID, and PID 1's"
            + " namespace is the machine's own; name the namespace instead";
      }
      if (rest.get(k).equals("netns") && v.contains("/")) {
        return "`netns " + v + "` is a path; name a namespace of the scenario instead";
      }
      if (resolved.equals("link") && Language.matches(rest.get(k), "type")
          && !LINK_KINDS.contains(v) && !(v.equals("bridge_slave") && isListing(rest))) {
        return "`type " + v + "` is not a link kind of the scenario language"
            + " (veth, bridge, dummy); others can make the kernel load modules";
      }
    }
    if (resolved.equals("netns")) {
      return checkIpNetns(rest, file, depth);
    }
    return null;
  }

  /** {@code ip link show|list|lst ...}: {@code type bridge_slave} only filters the listing. */
  private static boolean isListing(List<String> rest) {
    String sub = rest.get(0);
    return matches(sub, "show") || matches(sub, "list") || matches(sub, "lst");
  }

  private static String checkIpNetns(List<String> rest, String file, int depth) {
    if (rest.isEmpty()) {
      return null;
    }
    String sub = rest.get(0);
    if (matches(sub, "monitor") || sub.equals("attach")) {
      return "`ip netns " + sub + "` is not part of the scenario language";
    }
    if (matches(sub, "exec")) {
      if (rest.size() < 3) {
        return null; // ip says "No netns name specified" / "No command specified"
      }
      return check(rest.subList(2, rest.size()), null, file, depth + 1);
    }
    return null;
  }

  // ---------------------------------------------------------------------------------- sysctl

  private static String checkSysctl(List<String> args) {
    boolean write = false;
    for (String a : args) {
      if (a.startsWith("-") && !a.startsWith("--")) {
        for (char c : a.substring(1).toCharArray()) {
          if (c == 'p' || c == 'f') {
            return "`sysctl -" + c + "` loads settings from a file; write the keys out";
          }
          if (c == 'w') {
            write = true;
          }
        }
        continue;
      }
      if (a.startsWith("--")) {
        if (a.startsWith("--load") || a.equals("--system")) {
          return "`sysctl " + a + "` loads settings from files; write the keys out";
        }
        if (a.equals("--write")) {
          write = true;
        }
        continue;
      }
      int eq = a.indexOf('=');
      if (eq >= 0 || write) {
        String key = (eq >= 0 ? a.substring(0, eq) : a).replace('/', '.');
        while (key.startsWith(".")) {
          key = key.substring(1);
        }
        if (!key.startsWith("net.")) {
          return "only `net.*` keys may be written: `" + key
              + "` is not per network namespace and would change the whole machine";
        }
      }
    }
    return null;
  }

  // ---------------------------------------------------------------------------------- iptables

  private static String checkIptables(List<String> args) {
    for (String a : args) {
      if (a.equals("-M") || (a.startsWith("--mod") && "--modprobe".startsWith(a.split("=")[0]))) {
        return "`--modprobe` runs another program and is not part of the scenario language";
      }
    }
    return null;
  }

  // ---------------------------------------------------------------------------------- unshare

  private static String checkUnshare(List<String> args, String file, int depth) {
    int i = 0;
    while (i < args.size()) {
      String a = args.get(i);
      if (a.equals("--")) {
        i++;
        break;
      }
      if (a.startsWith("--")) {
        String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
        String full = longOption(name, UNSHARE_LONG);
        if (full == null) {
          return "`unshare " + a + "` is not part of the scenario language";
        }
        if ((full.equals("--net") || full.equals("--user")) && a.contains("=")) {
          // --net=FILE bind-mounts the new namespace onto FILE, outside the scenario's reach
          return "`unshare " + full + "=FILE` (a persistent namespace, bind-mounted on a file)"
              + " is not part of the scenario language";
        }
        if (UNSHARE_LONG_ARG.contains(full) && !a.contains("=")) {
          i++;
        }
        i++;
        continue;
      }
      if (a.startsWith("-") && a.length() > 1) {
        for (int k = 1; k < a.length(); k++) {
          char c = a.charAt(k);
          if ("Urnc".indexOf(c) < 0) {
            return "`unshare -" + c + "` is not part of the scenario language";
          }
        }
        i++;
        continue;
      }
      break;
    }
    if (i >= args.size()) {
      return "`unshare` needs a command to run (without one it starts an interactive shell)";
    }
    return check(args.subList(i, args.size()), null, file, depth + 1);
  }

  private static final List<String> UNSHARE_LONG =
      List.of("--user", "--map-root-user", "--map-user", "--map-group", "--map-current-user",
          "--setgroups", "--net");
  private static final Set<String> UNSHARE_LONG_ARG =
      Set.of("--map-user", "--map-group", "--setgroups");

  /** getopt_long: an exact name, or an unambiguous prefix of one. */
  private static String longOption(String name, List<String> names) {
    if (names.contains(name)) {
      return name;
    }
    List<String> hits = names.stream().filter(n -> n.startsWith(name)).toList();
    return hits.size() == 1 ? hits.get(0) : null;
  }

  // ---------------------------------------------------------------------------------- setpriv

  private static final List<String> SETPRIV_LONG =
      List.of("--reuid", "--regid", "--clear-groups", "--init-groups", "--groups");
  private static final Set<String> SETPRIV_LONG_ARG = Set.of("--reuid", "--regid", "--groups");

  private static String checkSetpriv(List<String> args, String file, int depth) {
    int i = 0;
    while (i < args.size()) {
      String a = args.get(i);
      if (a.equals("--")) {
        i++;
        break;
      }
      if (!a.startsWith("-")) {
        break;
      }
      String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
      String full = a.startsWith("--") ? longOption(name, SETPRIV_LONG) : null;
      if (full == null) {
        return "`setpriv " + a + "` is not part of the scenario language";
      }
      if (SETPRIV_LONG_ARG.contains(full) && !a.contains("=")) {
        i++;
      }
      i++;
    }
    if (i >= args.size()) {
      return "`setpriv` needs a command to run";
    }
    return check(args.subList(i, args.size()), null, file, depth + 1);
  }

  // ---------------------------------------------------------------------------------- bash -c

  private static String checkShell(String shell, List<String> args, String file, int depth) {
    if (args.size() != 2 || !args.get(0).equals("-c")) {
      return "`" + shell + "` runs only as `" + shell + " -c 'SCRIPT'`";
    }
    for (ScriptLine l : ScriptParser.parseInline(file, args.get(1))) {
      if (l.isRefused()) {
        return "in `" + shell + " -c`, line " + l.line() + ": " + l.refusal();
      }
      String why = check(l.argv(), l.redirect(), file, depth + 1);
      if (why != null) {
        return "in `" + shell + " -c`, line " + l.line() + ": " + why;
      }
    }
    return null;
  }

  // ---------------------------------------------------------------------------------- ping

  /** Option letters of iputils ping 20221126 that take a value (its getopt string). */
  private static final String PING_ARG_OPTS = "cFiIlmMpQsStTwW";

  /** A ping must end by itself: it needs {@code -c COUNT} or {@code -w DEADLINE}. */
  private static String checkPing(List<String> args) {
    boolean bounded = false;
    boolean sawDest = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.startsWith("-") && a.length() > 1) {
        for (int k = 1; k < a.length(); k++) {
          char c = a.charAt(k);
          if (c == 'c' || c == 'w' || c == 'V' || c == 'h') {
            bounded = true;
          }
          if (PING_ARG_OPTS.indexOf(c) >= 0) {
            if (k == a.length() - 1) {
              i++;
            }
            break;
          }
        }
      } else {
        sawDest = true;
      }
    }
    if (sawDest && !bounded) {
      return "`ping` needs `-c COUNT` or `-w DEADLINE` in a scenario (without them it never ends)";
    }
    return null;
  }

  // ---------------------------------------------------------------------------------- files

  private static final Set<String> PROC_SELF =
      Set.of("/proc/self/uid_map", "/proc/self/gid_map", "/proc/self/setgroups");

  private static String checkProcPath(String path, boolean write) {
    if (PROC_SELF.contains(path)) {
      return null;
    }
    if (path.startsWith("/proc/sys/")) {
      if (write && !path.startsWith("/proc/sys/net/")) {
        return "only `/proc/sys/net/...` may be written: `" + path
            + "` is not per network namespace and would change the whole machine";
      }
      if (path.contains("..")) {
        return "`..` is not allowed in `" + path + "`";
      }
      return null;
    }
    return write
        ? "output may be redirected only to a file under /proc/sys/net/ or to"
            + " /proc/self/{uid_map,gid_map,setgroups}"
        : null;
  }

  /** A name in the scenario's own working folder: no slashes. */
  private static boolean localName(String a) {
    return !a.isEmpty() && !a.contains("/") && !a.equals(".") && !a.equals("..");
  }

  private static String checkFiles(List<String> args, boolean write) {
    for (String a : args) {
      if (a.startsWith("-")) {
        continue;
      }
      if (a.startsWith("/proc/")) {
        if (a.startsWith("/proc/sys/") || PROC_SELF.contains(a) || a.equals("/proc/self/status")) {
          String why = checkProcPath(a, write);
          if (why != null) {
            return why;
          }
          continue;
        }
      } else if (localName(a)) {
        continue;
      }
      return "`" + a + "` is outside what scenarios may read: /proc/sys/..., /proc/self/"
          + "{uid_map,gid_map,setgroups,status} or a file in the working folder";
    }
    return null;
  }

  private static String checkTouch(List<String> args) {
    for (String a : args) {
      if (!a.startsWith("-") && !localName(a)) {
        return "`touch` creates files only in the working folder: `" + a + "`";
      }
    }
    return null;
  }

  private static String checkStat(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("-c") || a.equals("--format") || a.equals("--printf")) {
        i++;
        continue;
      }
      if (a.startsWith("-")) {
        continue;
      }
      if (!localName(a) && !a.equals("/") && !a.equals(".")) {
        return "`stat` looks only at files in the working folder and at `/`: `" + a + "`";
      }
    }
    return null;
  }
}
