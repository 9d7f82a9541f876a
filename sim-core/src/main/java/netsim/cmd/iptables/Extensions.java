package netsim.cmd.iptables;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import netsim.netfilter.CommentMatch;
import netsim.netfilter.CtState;
import netsim.netfilter.IcmpMatch;
import netsim.netfilter.Match;
import netsim.netfilter.NatRange;
import netsim.netfilter.NfPacket;
import netsim.netfilter.PortMatch;
import netsim.netfilter.RejectWith;
import netsim.netfilter.StateMatch;
import netsim.netfilter.Target;
import netsim.netfilter.TcpFlags;

/**
 * The extensions the model has, each as iptables' shared library for it reads its options
 * (libxt_tcp, libxt_udp, libipt_icmp, libxt_state, libxt_conntrack, libxt_comment; libipt_REJECT,
 * libxt_LOG, libxt_MASQUERADE, libxt_NAT's SNAT and DNAT, libxt_REDIRECT), with their own error
 * texts; and the names of the ones this machine has that the model does not.
 */
final class Extensions {
  private Extensions() {}

  /** Target extensions installed here (/usr/lib/x86_64-linux-gnu/xtables): -N may not use them. */
  static final Set<String> TARGET_NAMES = Set.of("ACCEPT", "DROP", "RETURN", "QUEUE", "standard",
      "AUDIT", "CHECKSUM", "CLASSIFY", "CLUSTERIP", "CONNMARK", "CONNSECMARK", "CT", "DNAT",
      "DSCP", "ECN", "HMARK", "IDLETIMER", "LED", "LOG", "MARK", "MASQUERADE", "NETMAP", "NFLOG",
      "NFQUEUE", "NOTRACK", "RATEEST", "REDIRECT", "REJECT", "SECMARK", "SET", "SNAT", "SYNPROXY",
      "TCPMSS", "TCPOPTSTRIP", "TEE", "TOS", "TPROXY", "TRACE", "TTL", "ULOG");

  /** Match extensions installed here. */
  static final Set<String> MATCH_NAMES = Set.of("addrtype", "ah", "bpf", "cgroup", "cluster",
      "comment", "connbytes", "connlabel", "connlimit", "connmark", "conntrack", "cpu", "dccp",
      "devgroup", "dscp", "ecn", "esp", "hashlimit", "helper", "icmp", "ipcomp", "iprange", "ipvs",
      "length", "limit", "mac", "mark", "multiport", "nfacct", "osf", "owner", "physdev", "pkttype",
      "policy", "quota", "rateest", "realm", "recent", "rpfilter", "sctp", "set", "socket",
      "state", "statistic", "string", "tcp", "tcpmss", "time", "tos", "ttl", "u32", "udp");

  /** One loaded extension: its long options and what it makes of them. */
  abstract static class Ext {
    final String name;
    final List<Getopt.LongOpt> opts = new ArrayList<>();
    private final int base;

    Ext(String name, int base) {
      this.name = name;
      this.base = base;
    }

    void opt(String n, Getopt.Arg arg, int id) {
      opts.add(new Getopt.LongOpt(n, arg, base + id));
    }

    boolean owns(int val) {
      return val >= base && val < base + 100;
    }

    /** The option id of a value getopt returned for one of this extension's options. */
    int id(int val) {
      return val - base;
    }

    /** One of its options, by its id (the value getopt returned minus the base). */
    abstract void parse(Parser p, int id, String arg, boolean invert) throws IptError;

    /** The checks that run once every option has been read ({@code x6_fcheck}). */
    void finish(Parser p) throws IptError {}
  }

  // ------------------------------------------------------------------------------- matches

  abstract static class MatchExt extends Ext {
    MatchExt(String name, int base) {
      super(name, base);
    }

    abstract Match build();
  }

  /** libxt_tcp and libxt_udp. */
  static final class Ports extends MatchExt {
    private final int proto;
    PortMatch m;
    private boolean sportSeen;
    private boolean dportSeen;
    private boolean flagsSeen;

    Ports(int proto, int base) {
      super(proto == NfPacket.TCP ? "tcp" : "udp", base);
      this.proto = proto;
      this.m = PortMatch.any(proto);
      opt("source-port", Getopt.Arg.REQUIRED, 1);
      opt("sport", Getopt.Arg.REQUIRED, 1);
      opt("destination-port", Getopt.Arg.REQUIRED, 2);
      opt("dport", Getopt.Arg.REQUIRED, 2);
      if (proto == NfPacket.TCP) {
        opt("syn", Getopt.Arg.NONE, 3);
        opt("tcp-flags", Getopt.Arg.REQUIRED, 4);
        opt("tcp-option", Getopt.Arg.REQUIRED, 5);
      }
    }

    @Override
    void parse(Parser p, int id, String arg, boolean invert) throws IptError {
      switch (id) {
        case 1 -> {
          if (sportSeen) {
            throw p.param("Only one `--source-port' allowed");
          }
          sportSeen = true;
          int[] r = ports(p, arg);
          m = m.withSport(r[0], r[1], invert);
        }
        case 2 -> {
          if (dportSeen) {
            throw p.param("Only one `--destination-port' allowed");
          }
          dportSeen = true;
          int[] r = ports(p, arg);
          m = m.withDport(r[0], r[1], invert);
        }
        case 3 -> {
          if (flagsSeen) {
            throw p.param("Only one of `--syn' or `--tcp-flags'  allowed");
          }
          flagsSeen = true;
          m = m.withFlags(0x17, 0x02, invert);
        }
        case 4 -> {
          if (flagsSeen) {
            throw p.param("Only one of `--syn' or `--tcp-flags'  allowed");
          }
          flagsSeen = true;
          String comp = p.nextWordForOption();
          if (comp == null) {
            throw p.param("--tcp-flags requires two args.");
          }
          int mask = flags(p, arg);
          int cmp = flags(p, comp);
          m = m.withFlags(mask, cmp, invert);
        }
        default -> throw p.notModelled("tcp option `--tcp-option'");
      }
    }

    private static int flags(Parser p, String s) throws IptError {
      for (String w : s.split(",", -1)) {
        if (TcpFlags.parse(w) < 0) {
          throw p.param("Unknown TCP flag `" + w + "'");
        }
      }
      return TcpFlags.parse(s);
    }

    /** {@code parse_tcp_ports}: {@code P}, {@code P:Q}, {@code P:} or {@code :Q}; names allowed. */
    private int[] ports(Parser p, String s) throws IptError {
      int colon = s.indexOf(':');
      if (colon < 0) {
        int v = port(p, s);
        return new int[] {v, v};
      }
      String a = s.substring(0, colon);
      String b = s.substring(colon + 1);
      int lo = a.isEmpty() ? 0 : port(p, a);
      int hi = b.isEmpty() ? 0xFFFF : port(p, b);
      if (lo > hi) {
        throw p.param("invalid portrange (min > max)");
      }
      return new int[] {lo, hi};
    }

    private int port(Parser p, String s) throws IptError {
      long v = Parser.strtoul(s, 0xFFFF);
      if (v >= 0) {
        return (int) v;
      }
      int named = Names.port(s, proto == NfPacket.TCP ? "tcp" : "udp");
      if (named >= 0) {
        return named;
      }
      throw p.param("invalid port/service `" + s + "' specified");
    }

    @Override
    void finish(Parser p) throws IptError {
      if (proto == NfPacket.TCP && p.protocol() != NfPacket.TCP) {
        throw p.param("TCP match requires '-p tcp'");
      }
    }

    @Override
    Match build() {
      return m;
    }
  }

  /** libipt_icmp. */
  static final class Icmp extends MatchExt {
    IcmpMatch m = new IcmpMatch(IcmpMatch.ANY, 0, 0xFF, false);

    Icmp(int base) {
      super("icmp", base);
      opt("icmp-type", Getopt.Arg.REQUIRED, 1);
    }

    @Override
    void parse(Parser p, int id, String arg, boolean invert) throws IptError {
      m = IcmpTypes.parse(p.prog, arg, invert);
    }

    @Override
    Match build() {
      return m;
    }
  }

  /** libxt_state and libxt_conntrack's {@code --ctstate}. */
  static final class State extends MatchExt {
    private final boolean conntrack;
    private int states;
    private boolean invert;
    private boolean seen;

    State(boolean conntrack, int base) {
      super(conntrack ? "conntrack" : "state", base);
      this.conntrack = conntrack;
      if (conntrack) {
        opt("ctstate", Getopt.Arg.REQUIRED, 1);
        int i = 2;
        for (String o : List.of("ctproto", "ctorigsrc", "ctorigdst", "ctreplsrc", "ctrepldst",
            "ctorigsrcport", "ctorigdstport", "ctreplsrcport", "ctrepldstport", "ctstatus",
            "ctexpire", "ctdir")) {
          opt(o, Getopt.Arg.REQUIRED, i++);
        }
      } else {
        opt("state", Getopt.Arg.REQUIRED, 1);
      }
    }

    @Override
    void parse(Parser p, int id, String arg, boolean inv) throws IptError {
      if (id != 1) {
        throw p.notModelled("conntrack option other than --ctstate");
      }
      int mask = 0;
      for (String w : arg.split(",", -1)) {
        CtState s = null;
        for (CtState c : CtState.values()) {
          if (c.name().equalsIgnoreCase(w)
              && (conntrack || (c != CtState.SNAT && c != CtState.DNAT))) {
            s = c;
          }
        }
        if (s == null) {
          throw p.param((conntrack ? "Bad ctstate \"" : "Bad state \"") + w + "\"");
        }
        mask |= s.bit();
      }
      states = mask;
      invert = inv;
      seen = true;
    }

    @Override
    void finish(Parser p) throws IptError {
      if (!seen) {
        if (conntrack) {
          throw p.param("conntrack: At least one option is required");
        }
        throw p.param("state: option \"--state\" must be specified\n");
      }
    }

    @Override
    Match build() {
      return new StateMatch(conntrack, states, invert);
    }
  }

  /** libxt_comment. */
  static final class Comment extends MatchExt {
    private String text;

    Comment(int base) {
      super("comment", base);
      opt("comment", Getopt.Arg.REQUIRED, 1);
    }

    @Override
    void parse(Parser p, int id, String arg, boolean invert) throws IptError {
      if (invert) {
        throw p.param("comment: option \"--comment\" cannot be inverted.\n");
      }
      if (arg.length() > 255) {
        throw p.param("comment: option \"--comment\" value is too long (" + arg.length()
            + " > 255)\n");
      }
      text = arg;
    }

    @Override
    void finish(Parser p) throws IptError {
      if (text == null) {
        throw p.param("comment: option \"--comment\" must be specified\n");
      }
    }

    @Override
    Match build() {
      return new CommentMatch(text);
    }
  }

  /** The match extension called {@code name}, freshly loaded, or null when the model has none. */
  static MatchExt match(String name, int base) {
    return switch (name) {
      case "tcp" -> new Ports(NfPacket.TCP, base);
      case "udp" -> new Ports(NfPacket.UDP, base);
      case "icmp" -> new Icmp(base);
      case "state" -> new State(false, base);
      case "conntrack" -> new State(true, base);
      case "comment" -> new Comment(base);
      default -> null;
    };
  }

  // ------------------------------------------------------------------------------- targets

  abstract static class TargetExt extends Ext {
    TargetExt(String name, int base) {
      super(name, base);
    }

    abstract Target build(Parser p) throws IptError;
  }

  /** libipt_REJECT. */
  static final class Reject extends TargetExt {
    private RejectWith with = RejectWith.ICMP_PORT_UNREACHABLE;

    Reject(int base) {
      super("REJECT", base);
      opt("reject-with", Getopt.Arg.REQUIRED, 1);
    }

    @Override
    void parse(Parser p, int id, String arg, boolean invert) throws IptError {
      RejectWith w = RejectWith.parse(arg);
      if (w == null) {
        throw p.param("unknown reject type \"" + arg + "\"");
      }
      with = w;
    }

    @Override
    Target build(Parser p) {
      return new Target.Reject(with);
    }
  }

  /** libxt_LOG. */
  static final class Log extends TargetExt {
    /** The names {@code --log-level} takes (syslog's, as libxt_LOG lists them). */
    private static final List<String> LEVELS =
        List.of("emerg", "alert", "crit", "error", "warning", "notice", "info", "debug");
    private int level = 4;
    private String prefix = "";

    Log(int base) {
      super("LOG", base);
      opt("log-level", Getopt.Arg.REQUIRED, 1);
      opt("log-prefix", Getopt.Arg.REQUIRED, 2);
      opt("log-tcp-sequence", Getopt.Arg.NONE, 3);
      opt("log-tcp-options", Getopt.Arg.NONE, 4);
      opt("log-ip-options", Getopt.Arg.NONE, 5);
      opt("log-uid", Getopt.Arg.NONE, 6);
      opt("log-macdecode", Getopt.Arg.NONE, 7);
    }

    @Override
    void parse(Parser p, int id, String arg, boolean invert) throws IptError {
      switch (id) {
        case 1 -> {
          long n = Parser.strtoul(arg, 7);
          if (n >= 0) {
            level = (int) n;
          } else if (arg.equals("panic")) {
            level = 0;
          } else if (LEVELS.contains(arg)) {
            level = LEVELS.indexOf(arg);
          } else {
            throw p.param("log level \"" + arg + "\" unknown\n");
          }
        }
        case 2 -> prefix = arg.length() > 29 ? arg.substring(0, 29) : arg;
        default -> throw p.notModelled("LOG flags");
      }
    }

    @Override
    Target build(Parser p) {
      return new Target.Log(level, prefix);
    }
  }

  /** libxt_MASQUERADE, libxt_REDIRECT, and libxt_NAT's SNAT and DNAT. */
  static final class Nat extends TargetExt {
    private NatRange range = new NatRange(0, 0, 0, 0, false, false);
    private boolean toSeen;

    Nat(String name, int base) {
      super(name, base);
      switch (name) {
        case "SNAT" -> {
          opt("to-source", Getopt.Arg.REQUIRED, 1);
          opt("persistent", Getopt.Arg.NONE, 4);
        }
        case "DNAT" -> {
          opt("to-destination", Getopt.Arg.REQUIRED, 1);
          opt("persistent", Getopt.Arg.NONE, 4);
        }
        default -> opt("to-ports", Getopt.Arg.REQUIRED, 2);
      }
      opt("random", Getopt.Arg.NONE, 3);
      if (!name.equals("DNAT") && !name.equals("REDIRECT")) {
        opt("random-fully", Getopt.Arg.NONE, 5);
      }
    }

    private String toOption() {
      return name.equals("SNAT") ? "to-source" : "to-destination";
    }

    @Override
    void parse(Parser p, int id, String arg, boolean invert) throws IptError {
      switch (id) {
        case 1 -> {
          if (toSeen) {
            throw p.param(name + ": option \"--" + toOption() + "\" can only be used once.\n");
          }
          toSeen = true;
          range = addrRange(p, arg);
        }
        case 2 -> {
          int[] r = portRange(p, arg);
          range = new NatRange(0, 0, r[0], r[1], range.random(), range.persistent());
        }
        case 3 -> range = new NatRange(range.minAddr(), range.maxAddr(), range.minPort(),
            range.maxPort(), true, range.persistent());
        case 4 -> range = new NatRange(range.minAddr(), range.maxAddr(), range.minPort(),
            range.maxPort(), range.random(), true);
        default -> throw p.notModelled(name + " --random-fully");
      }
    }

    /** {@code A[-B][:P[-Q]]}, as libxt_NAT's {@code parse_to} reads it. */
    private NatRange addrRange(Parser p, String arg) throws IptError {
      String addrs = arg;
      int[] ports = {0, 0};
      int colon = arg.indexOf(':');
      if (colon >= 0) {
        addrs = arg.substring(0, colon);
        ports = portRange(p, arg.substring(colon + 1));
      }
      int dash = addrs.indexOf('-');
      String a = dash < 0 ? addrs : addrs.substring(0, dash);
      String b = dash < 0 ? addrs : addrs.substring(dash + 1);
      long lo = Parser.dotted(a);
      if (lo < 0) {
        throw p.param("Bad IP address \"" + a + "\"");
      }
      long hi = Parser.dotted(b);
      if (hi < 0) {
        throw p.param("Bad IP address \"" + b + "\"");
      }
      return new NatRange((int) lo, (int) hi, ports[0], ports[1], range.random(),
          range.persistent());
    }

    private static int[] portRange(Parser p, String s) throws IptError {
      int dash = s.indexOf('-');
      String a = dash < 0 ? s : s.substring(0, dash);
      String b = dash < 0 ? s : s.substring(dash + 1);
      long lo = Parser.strtoul(a, 0xFFFF);
      long hi = Parser.strtoul(b, 0xFFFF);
      if (lo < 0 || hi < 0) {
        throw p.param("Port \"" + (lo < 0 ? a : b) + "\" does not resolve to anything.");
      }
      return new int[] {(int) lo, (int) hi};
    }

    @Override
    void finish(Parser p) throws IptError {
      if ((name.equals("SNAT") || name.equals("DNAT")) && !toSeen) {
        throw p.param(name + ": option \"--" + toOption() + "\" must be specified\n");
      }
      int proto = p.protocol();
      if (range.hasPorts() && proto != NfPacket.TCP && proto != NfPacket.UDP && proto != 132
          && proto != 33) {
        throw p.param("Need TCP, UDP, SCTP or DCCP with port specification");
      }
    }

    @Override
    Target build(Parser p) {
      return switch (name) {
        case "SNAT" -> new Target.Snat(range);
        case "DNAT" -> new Target.Dnat(range);
        case "MASQUERADE" -> new Target.Masquerade(range);
        default -> new Target.Redirect(range);
      };
    }
  }

  /** The target extension called {@code name}, freshly loaded, or null when the model has none. */
  static TargetExt target(String name, int base) {
    return switch (name) {
      case "REJECT" -> new Reject(base);
      case "LOG" -> new Log(base);
      case "SNAT", "DNAT", "MASQUERADE", "REDIRECT" -> new Nat(name, base);
      default -> null;
    };
  }
}
