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
import netsim.model.Device;
import netsim.model.Errno;
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
    List<String> targets = new ArrayList<>();
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
            throw new Fail("ping: option requires an argument -- '" + c + "'\n" + USAGE, 2);
          }
          switch (c) {
            case 'c' -> count = strtol(v, 1, Long.MAX_VALUE);
            case 'i' -> {
              double d = strtod(v, "bad timing interval");
              if (d > Integer.MAX_VALUE / 1000.0) {
                throw new Fail("ping: bad timing interval: " + v + "\n", 2);
              }
              intervalMs = (long) (d * 1000);
            }
            case 'W' -> {
              double d = strtod(v, "bad linger time");
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
            case 'l', 'e', 'S', 'p', 'Q', 'M', 'T', 'F', 'N' -> { }
            default -> { }
          }
          break;
        } else if (OPTS_FLAG.indexOf(c) >= 0) {
          switch (c) {
            case 'q' -> quiet = true;
            case 'b' -> broadcast = true;
            case 'h', '?' -> throw new Fail(USAGE, 2);
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
          throw new Fail("ping: invalid option -- '" + c + "'\n" + USAGE, 2);
        }
      }
    }
    if (targets.isEmpty()) {
      throw new Fail("ping: usage error: Destination address required\n", 1);
    }
    String target = targets.get(targets.size() - 1);
    NetNs ns = p.netns();
    if (!p.cred().capable(ns.owner()) && !p.cred().userns().isInitial()) {
      throw new Fail("ping: socktype: SOCK_RAW\nping: socket: Operation not permitted\n", 2);
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
      RouteResult probe = Routing.output(ns, dst, 0, bindDev, (int) mark);
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
        throw new Fail("ping: connect: " + e.text + "\n", 2);
      }
      source = probe.src();
      if (bindDev != null && bindDev.addrs().stream().noneMatch(a -> a.local() == probe.src())) {
        err.append("ping: Warning: source address might be selected on device other than: ")
            .append(device).append('\n');
      }
    } else if (!ns.isLocal(boundSrc)) {
      throw new Fail("ping: bind: Cannot assign requested address\n", 2);
    }
    if (dst == 0) {
      dst = source;
    }
    StringBuilder out = new StringBuilder();
    out.append("PING ").append(hostname).append(" (").append(Ip4.format(dst)).append(") ");
    if (device != null || boundSrc != 0) {
      out.append("from ").append(Ip4.format(source)).append(' ')
          .append(device != null ? device : "").append(": ");
    }
    out.append(size).append('(').append(size + 28).append(") bytes of data.\n");
    int t = ttl >= 0 ? ttl : ns.sysctls().intValue("net.ipv4.ip_default_ttl");
    Ping.Options o = new Ping.Options(count, intervalMs, lingerMs, deadline, t, size, quiet,
        device, boundSrc, (int) mark);
    Ping.Result r = Engines.of(p.kernel()).ping().run(ns, hostname, dst, boundSrc, bindDev, o,
        out, err);
    io.out(r.stdout());
    io.err(r.stderr());
    Engines.of(p.kernel()).lastPing(r);
    return r.status();
  }

  /** {@code inet_aton}: like iproute2's reader, with fewer than four parts allowed. */
  private static long inetAton(String s) {
    if (s.isEmpty() || !(Character.isDigit(s.charAt(0)))) {
      return -1;
    }
    String[] parts = s.split("\\.", -1);
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

  /** {@code inet_pton}: exactly four decimal parts. */
  private static long inetPton(String s) {
    if (!s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
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

  private static double strtod(String v, String what) {
    try {
      double d = Double.parseDouble(v.strip());
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new Fail("ping: " + what + ": " + v + "\n", 2);
    }
  }

  private static final String USAGE = """

      Usage
        ping [options] <destination>

      Options:
        <destination>      dns name or ip address
        -a                 use audible ping
        -A                 use adaptive ping
        -B                 sticky source address
        -c <count>         stop after <count> replies
        -C                 call connect() syscall on socket creation
        -D                 print timestamps
        -d                 use SO_DEBUG socket option
        -e <identifier>    define identifier for ping session, default is random for
                           SOCK_RAW and kernel defined for SOCK_DGRAM
                           Imply using SOCK_RAW (for IPv4 only for identifier 0)
        -f                 flood ping
        -h                 print help and exit
        -I <interface>     either interface name or address
        -i <interval>      seconds between sending each packet
        -L                 suppress loopback of multicast packets
        -l <preload>       send <preload> number of packages while waiting replies
        -m <mark>          tag the packets going out
        -M <pmtud opt>     define mtu discovery, can be one of <do|dont|want>
        -n                 no dns name resolution
        -O                 report outstanding replies
        -p <pattern>       contents of padding byte
        -q                 quiet output
        -Q <tclass>        use quality of service <tclass> bits
        -s <size>          use <size> as number of data bytes to be sent
        -S <size>          use <size> as SO_SNDBUF socket option value
        -t <ttl>           define time to live
        -U                 print user-to-user latency
        -v                 verbose output
        -V                 print version and exit
        -w <deadline>      reply wait <deadline> in seconds
        -W <timeout>       time to wait for response

      IPv4 options:
        -4                 use IPv4
        -b                 allow pinging broadcast
        -R                 record route
        -T <timestamp>     define timestamp, can be one of <tsonly|tsandaddr|tsprespec>

      IPv6 options:
        -6                 use IPv6
        -F <flowlabel>     define flow label, default is random
        -N <nodeinfo opt>  use icmp6 node info query, try <help> as argument

      For more details see ping(8).
      """;
}
