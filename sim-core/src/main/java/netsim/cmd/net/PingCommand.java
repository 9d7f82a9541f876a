package netsim.cmd.net;

import java.util.ArrayList;
import java.util.List;
import netsim.cmd.Command;
import netsim.cmd.Io;
import netsim.cmd.Proc;
import netsim.engine.Engines;
import netsim.engine.Ping;
import netsim.engine.RouteResult;
import netsim.engine.Routing;
import netsim.model.Capability;
import netsim.model.Cred;
import netsim.model.Device;
import netsim.model.Errno;
import netsim.model.IdMap;
import netsim.model.Ip4;
import netsim.model.NetNs;
import netsim.model.RouteType;

/**
 * {@code ping} from iputils 20221126, IPv4: options as its getopt reads them, the socket it can
 * open, the route its probe {@code connect()} finds (its errors exit 2), then the run itself in
 * the packet engine. Exit 0 with a reply, 1 without, 2 for local errors.
 */
public final class PingCommand implements Command {

  private static final String OPTS_WITH_ARG = "TFNceiIlmMpQsStwW";
  private static final String OPTS_FLAG = "h?4bR6aABCdDfLnOqrUvV";

  @Override
  public int run(Proc p, List<String> args, Io io) {
    try {
      return exec(p, args, io);
    } catch (Fail f) {
      io.err(f.getMessage());
      return f.status;
    }
  }

  private static final class Fail extends RuntimeException {
    final int status;

    Fail(String msg, int status) {
      super(msg, null, false, false);
      this.status = status;
    }
  }

  private int exec(Proc p, List<String> args, Io io) {
    // limit_capabilities, before anything else: setuid(getuid()) fails for an unmapped uid
    Cred cred = p.cred();
    if (cred.userns().makeKuid(cred.nsUid()) == IdMap.INVALID) {
      throw new Fail("ping: setuid: Invalid argument\n", 255);
    }
    long count = 0;
    long intervalMs = 1000;
    long lingerMs = 10_000;
    long deadline = 0;
    int ttl = -1;
    int size = 56;
    boolean quiet = false;
    boolean broadcast = false;
    String device = null;
    int boundSrc = 0;
    long mark = 0;
    long ident = -1;
    List<String> targets = new ArrayList<>();
    StringBuilder warnings = new StringBuilder();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--")) {
        targets.addAll(args.subList(i + 1, args.size()));
        break;
      }
      if (!a.startsWith("-") || a.length() == 1) {
        targets.add(a);
        continue;
      }
      for (int k = 1; k < a.length(); k++) {
        char c = a.charAt(k);
        if (OPTS_WITH_ARG.indexOf(c) >= 0) {
          String v;
          if (k + 1 < a.length()) {
            v = a.substring(k + 1);
          } else if (i + 1 < args.size()) {
            v = args.get(++i);
          } else {
            throw new Fail("ping: option requires an argument -- '" + c + "'\n" + netsim.cmd.Usage.of("ping"), 2);
          }
          switch (c) {
            case 'c' -> count = strtol(v, 1, Long.MAX_VALUE);
            case 'i' -> {
              double d = strtod(v, "bad timing interval", warnings);
              if (d > Integer.MAX_VALUE / 1000.0) {
                throw new Fail("ping: bad timing interval: " + v + "\n", 2);
              }
              intervalMs = (long) (d * 1000);
            }
            case 'W' -> {
              double d = strtod(v, "bad linger time", warnings);
              if (d < 0 || d > Integer.MAX_VALUE / 1000.0) {
                throw new Fail("ping: bad linger time: " + v + "\n", 2);
              }
              lingerMs = (long) (d * 1000);
            }
            case 'w' -> deadline = strtol(v, 0, Integer.MAX_VALUE);
            case 't' -> ttl = (int) strtol(v, 0, 255);
            case 's' -> size = (int) strtol(v, 0, Integer.MAX_VALUE);
            case 'm' -> mark = strtol(v, 0, 0xFFFFFFFFL);
            case 'I' -> {
              long addr = inetPton(v);
              if (addr >= 0) {
                boundSrc = (int) addr;
              } else {
                device = v;
              }
            }
            case 'e' -> ident = strtol(v, 0, 0xFFFF);
            case 'l', 'S', 'p', 'Q', 'M', 'T', 'F', 'N' -> { }
            default -> { }
          }
          break;
        } else if (OPTS_FLAG.indexOf(c) >= 0) {
          switch (c) {
            case 'q' -> quiet = true;
            case 'b' -> broadcast = true;
            case 'h', '?' -> throw new Fail(netsim.cmd.Usage.of("ping"), 2);
            case 'V' -> {
              io.out("ping from iputils 20221126\n"
                  + "libcap: yes, IDN: yes, NLS: no, error.h: yes, getrandom(): yes, "
                  + "__fpending(): yes\n");
              return 0;
            }
            case '6' -> throw new Fail("netsim: ping -6 is not modelled\n", 2);
            default -> { }
          }
        } else {
          throw new Fail("ping: invalid option -- '" + c + "'\n" + netsim.cmd.Usage.of("ping"), 2);
        }
      }
    }
    io.err(warnings.toString());
    if (targets.isEmpty()) {
      throw new Fail("ping: usage error: Destination address required\n", 1);
    }
    String target = targets.get(targets.size() - 1);
    NetNs ns = p.netns();
    // create_socket: an ICMP datagram socket if ping_group_range lets one of our groups have it
    // (never with ident 0), else a raw one, which needs CAP_NET_RAW over the netns's owner;
    // ping's file capability cap_net_raw=ep counts in the process's own user namespace
    if (ident == 0 || !pingGroupAllows(ns, cred)) {
      Cred exec = cred.afterExec(Capability.NET_RAW.bit());
      if (!exec.capable(Capability.NET_RAW, ns.owner())) {
        Engines.of(p.kernel()).note("ping: " + (ident == 0 ? "ident 0 forces a raw socket"
            : "no ICMP datagram socket: neither gid " + cred.nsEgid() + " nor a supplementary"
            + " group is in net.ipv4.ping_group_range ("
            + ns.sysctls().read("net.ipv4.ping_group_range", cred.userns()).replace('\t', ' ')
            + ")") + "; for a raw socket, "
            + exec.missing(Capability.NET_RAW, ns.owner(), "owner of network namespace "
                + ns.displayName()).map(Object::toString).orElse(""));
        throw new Fail("ping: socktype: SOCK_RAW\nping: socket: Operation not permitted\n"
            + (cred.nsUid() != 0 ? "ping: => missing cap_net_raw+p capability or setuid?\n" : ""),
            2);
      }
    }
    long whereto = inetAton(target);
    String hostname = target;
    if (whereto < 0) {
      if (target.equals("localhost")) {
        whereto = Ip4.of("127.0.0.1");
      } else {
        throw new Fail("ping: " + target + ": Temporary failure in name resolution\n", 2);
      }
    }
    int dst = (int) whereto;
    Device bindDev = null;
    if (device != null) {
      bindDev = ns.device(device);
      if (bindDev == null) {
        throw new Fail("ping: SO_BINDTODEVICE " + device + ": No such device\n", 2);
      }
    }
    int source = boundSrc;
    StringBuilder err = new StringBuilder();
    if (source == 0) {
      // the probe: connect() a UDP socket to learn the source; its errors end ping
      RouteResult first = Routing.output(ns, dst, 0, bindDev, (int) mark);
      // ip_route_connect: the first lookup picks the source, then the route is looked up again
      // with it (so a rule "from SRC" can still refuse the connect)
      RouteResult probe = first.failed() ? first
          : Routing.output(ns, dst == 0 ? first.src() : dst, first.src(), bindDev, (int) mark);
      Errno e = probe.failed() ? probe.error() : null;
      if (e == null && probe.type() == RouteType.BROADCAST) {
        e = Errno.EACCES;
      }
      if (e == Errno.EACCES) {
        if (!broadcast) {
          throw new Fail("ping: Do you want to ping broadcast? Then -b. If not, check your local"
              + " firewall rules\n", 2);
        }
        err.append("WARNING: pinging broadcast address\n");
        if (probe.failed()) {
          throw new Fail(err + "ping: connect: " + e.text + "\n", 2);
        }
      } else if (e != null) {
        Engines.of(p.kernel()).note("ping: connect() in " + ns.displayName() + ": "
            + (probe.failed() ? probe.whyFailed(dst) : e.text));
        throw new Fail("ping: connect: " + e.text + "\n", 2);
      }
      source = first.src();
      if (bindDev != null && bindDev.addrs().stream().noneMatch(a -> a.local() == first.src())) {
        err.append("ping: Warning: source address might be selected on device other than: ")
            .append(device).append('\n');
      }
    } else if (!bindable(ns.addrType(boundSrc))) {
      // raw_bind / ping_check_bind_addr: an address the local table calls local, broadcast or
      // multicast (an address of ours that is also a broadcast of another device is one)
      throw new Fail("ping: bind: Cannot assign requested address\n", 2);
    }
    if (dst == 0) {
      dst = source;
    }
    StringBuilder out = new StringBuilder(160);
    out.append("PING ").append(hostname).append(" (").append(Ip4.format(dst)).append(") ");
    if (device != null || boundSrc != 0) {
      out.append("from ").append(Ip4.format(source)).append(' ')
          .append(device != null ? device : "").append(": ");
    }
    out.append(size).append('(').append(size + 28).append(") bytes of data.\n");
    int t = ttl >= 0 ? ttl : ns.sysctls().intValue("net.ipv4.ip_default_ttl");
    Ping.Options o = new Ping.Options(count, intervalMs, lingerMs, deadline, t, size, quiet,
        device, boundSrc, (int) mark, broadcast || Ip4.isMulticast(dst));
    Ping.Result r = Engines.of(p.kernel()).ping().run(ns, hostname, dst, boundSrc, bindDev, o,
        out, err);
    io.out(r.stdout());
    io.err(r.stderr());
    Engines.of(p.kernel()).lastPing(r);
    return r.status();
  }

  /** {@code ping_init_sock}: the egid or a supplementary group in the netns's ping_group_range. */
  private static boolean pingGroupAllows(NetNs ns, Cred c) {
    long[] r = ns.sysctls().pingGroupRange();
    long low = r[0];
    long high = r[1];
    if (low <= c.egid() && c.egid() <= high) {
      return true;
    }
    for (long g : c.groups()) {
      if (low <= g && g <= high) {
        return true;
      }
    }
    return false;
  }

  private static boolean plainDigits(String v) {
    if (v.isEmpty() || v.length() > 9) {
      return false;
    }
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) < '0' || v.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** {@code s} split at its dots, empty parts kept (as {@code split("\\.", -1)}). */
  private static String[] splitDots(String s) {
    int n = 1;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '.') {
        n++;
      }
    }
    String[] out = new String[n];
    int from = 0;
    int k = 0;
    for (int i = 0; i <= s.length(); i++) {
      if (i == s.length() || s.charAt(i) == '.') {
        out[k++] = s.substring(from, i);
        from = i + 1;
      }
    }
    return out;
  }

  /** {@code inet_aton}: like iproute2's reader, with fewer than four parts allowed. */
  private static long inetAton(String s) {
    if (s.isEmpty() || !(Character.isDigit(s.charAt(0)))) {
      return -1;
    }
    String[] parts = splitDots(s);
    if (parts.length > 4) {
      return -1;
    }
    long[] v = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        String x = parts[i];
        if (x.isEmpty()) {
          return -1;
        }
        v[i] = x.startsWith("0x") || x.startsWith("0X") ? Long.parseLong(x.substring(2), 16)
            : x.length() > 1 && x.startsWith("0") ? Long.parseLong(x.substring(1), 8)
            : Long.parseLong(x);
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    long a;
    switch (v.length) {
      case 1 -> a = v[0];
      case 2 -> a = (v[0] << 24) | v[1];
      case 3 -> a = (v[0] << 24) | (v[1] << 16) | v[2];
      default -> a = (v[0] << 24) | (v[1] << 16) | (v[2] << 8) | v[3];
    }
    return a > 0xFFFFFFFFL ? -1 : a;
  }

  private static final java.util.regex.Pattern DOTTED_QUAD =
      java.util.regex.Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final java.util.regex.Pattern STRTOD =
      java.util.regex.Pattern.compile("^\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final java.util.regex.Pattern INF_NAN =
      java.util.regex.Pattern.compile("[+-]?(?i)(inf|infinity|nan).*");

  /** {@code inet_pton}: exactly four decimal parts. */
  private static long inetPton(String s) {
    if (!DOTTED_QUAD.matcher(s).matches()) {
      return -1;
    }
    long x = Ip4.parse(s);
    return x;
  }

  private static long strtol(String v, long min, long max) {
    long n;
    try {
      n = Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      throw new Fail("ping: invalid argument: '" + v + "'\n", 1);
    }
    if (n < min || n > max) {
      throw new Fail("ping: invalid argument: '" + v + "': out of range: " + min
          + " <= value <= " + max + "\n", 1);
    }
    return n;
  }

  /**
   * iputils' {@code ping_strtod}: {@code strtod} in the C locale; trailing garbage (or none of a
   * number at all) only warns and keeps what was read (0); an empty or infinite value is an
   * error (status 2).
   */
  private double strtod(String v, String what, StringBuilder warn) {
    if (v.isEmpty()) {
      throw new Fail("ping: " + what + ": " + v + "\n", 2);
    }
    if (plainDigits(v)) {
      return Integer.parseInt(v); // the common case, without the full reading below
    }
    java.util.regex.Matcher m = STRTOD.matcher(v);
    double d = 0;
    int end = 0;
    if (m.find()) {
      d = Double.parseDouble(m.group().strip());
      end = m.end();
    } else if (INF_NAN.matcher(v.strip()).matches()) {
      throw new Fail("ping: " + what + ": " + v + ": Numerical result out of range\n", 2);
    }
    if (end < v.length() || end == 0) {
      warn.append("ping: option argument contains garbage: ").append(v.substring(end))
          .append("\nping: this will become fatal error in the future\n");
    }
    if (Double.isInfinite(d)) {
      throw new Fail("ping: " + what + ": " + v + ": Numerical result out of range\n", 2);
    }
    return d;
  }

  private static boolean bindable(RouteType t) {
    return t == RouteType.LOCAL || t == RouteType.BROADCAST || t == RouteType.MULTICAST;
  }
}
