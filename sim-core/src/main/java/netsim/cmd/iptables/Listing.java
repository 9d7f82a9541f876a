package netsim.cmd.iptables;

import netsim.model.Ip4;
import netsim.netfilter.Chain;
import netsim.netfilter.CommentMatch;
import netsim.netfilter.Counters;
import netsim.netfilter.IcmpMatch;
import netsim.netfilter.IpHeader;
import netsim.netfilter.Match;
import netsim.netfilter.NatRange;
import netsim.netfilter.PortMatch;
import netsim.netfilter.Protocols;
import netsim.netfilter.Rule;
import netsim.netfilter.RuleText;
import netsim.netfilter.StateMatch;
import netsim.netfilter.Table;
import netsim.netfilter.Target;
import netsim.netfilter.TcpFlags;

/**
 * {@code iptables -L}: the table layout of iptables 1.8.9 ({@code print_header},
 * {@code print_rule_details}, {@code print_ifaces}, {@code print_ipv4_addresses} and each
 * extension's {@code print}), in the format its flags ask for ({@code FMT_*}).
 */
final class Listing {
  static final int NUMERIC = 1;
  static final int NOCOUNTS = 1 << 1;
  static final int KILOMEGAGIGA = 1 << 2;
  static final int OPTIONS = 1 << 3;
  static final int NOTABLE = 1 << 4;
  static final int VIA = 1 << 6;
  static final int LINENUMBERS = 1 << 8;

  private final int format;
  private final StringBuilder sb = new StringBuilder();

  Listing(int format) {
    this.format = format;
  }

  /** The format {@code -L} uses for these flags ({@code list_entries}). */
  static int format(boolean numeric, boolean verbose, boolean exact, boolean lineNumbers) {
    int f = OPTIONS;
    f |= verbose ? VIA : NOCOUNTS;
    if (numeric) {
      f |= NUMERIC;
    }
    if (!exact) {
      f |= KILOMEGAGIGA;
    }
    if (lineNumbers) {
      f |= LINENUMBERS;
    }
    return f;
  }

  /** The one-line form {@code -v} prints for a rule it adds or deletes ({@code FMT_PRINT_RULE}). */
  static String ruleLine(Rule r) {
    Listing l = new Listing(NOCOUNTS | OPTIONS | VIA | NUMERIC | NOTABLE);
    l.rule(0, r, null);
    return l.text();
  }

  private boolean has(int f) {
    return (format & f) != 0;
  }

  /** {@code FMT(tab, notab)}. */
  private String fmt(String tab, String notab, Object... args) {
    return String.format(has(NOTABLE) ? notab : tab, args);
  }

  String text() {
    return sb.toString();
  }

  /** A chain's header and its rules. */
  void chain(Table t, Chain c) {
    sb.append("Chain ").append(c.name());
    if (c.builtin()) {
      sb.append(" (policy ").append(c.policy().name());
      if (!has(NOCOUNTS)) {
        sb.append(' ').append(num(c.policyCounters().packets(), format | NOTABLE))
            .append("packets, ").append(num(c.policyCounters().bytes(), format | NOTABLE))
            .append("bytes");
      }
      sb.append(")\n");
    } else {
      sb.append(" (").append(t.references(c.name())).append(" references)\n");
    }
    header();
    int n = 1;
    for (Chain.Entry e : c.entries()) {
      rule(n++, e.rule(), e.counters());
    }
  }

  private void header() {
    if (has(LINENUMBERS)) {
      sb.append(fmt("%-4s ", "%s ", "num"));
    }
    if (!has(NOCOUNTS)) {
      if (has(KILOMEGAGIGA)) {
        sb.append(fmt("%5s ", "%s ", "pkts")).append(fmt("%5s ", "%s ", "bytes"));
      } else {
        sb.append(fmt("%8s ", "%s ", "pkts")).append(fmt("%10s ", "%s ", "bytes"));
      }
    }
    sb.append(fmt("%-9s ", "%s ", "target"));
    sb.append(" prot ");
    if (has(OPTIONS)) {
      sb.append("opt");
    }
    if (has(VIA)) {
      sb.append(fmt(" %-6s ", "%s ", "in")).append(fmt("%-6s ", "%s ", "out"));
    }
    sb.append(fmt(" %-19s ", "%s ", "source")).append(fmt(" %-19s ", " %s ", "destination"));
    sb.append('\n');
  }

  /** One rule line. */
  void rule(int num, Rule r, Counters c) {
    IpHeader ip = r.ip();
    if (has(LINENUMBERS)) {
      sb.append(fmt("%-4d ", "%d ", num));
    }
    if (!has(NOCOUNTS)) {
      sb.append(num(c.packets(), format)).append(num(c.bytes(), format));
    }
    String target = r.target() == null ? "" : r.target().name();
    sb.append(fmt("%-9s ", "%s ", target));
    sb.append(ip.invProto() ? '!' : ' ');
    sb.append(fmt("%-4s ", "%s ", proto(ip.proto())));
    if (has(OPTIONS)) {
      if (has(NOTABLE)) {
        sb.append("opt ");
      }
      sb.append(ip.invFragment() ? '!' : '-').append(ip.fragment() ? 'f' : '-').append(' ');
    }
    if (has(VIA)) {
      String any = has(NUMERIC) ? "*" : "any";
      String i = (ip.invIn() ? "!" : "") + (ip.in().isEmpty() ? any : ip.in());
      String o = (ip.invOut() ? "!" : "") + (ip.out().isEmpty() ? any : ip.out());
      sb.append(fmt(" %-6s ", "in %s ", i)).append(fmt("%-6s ", "out %s ", o));
    }
    sb.append(ip.invSrc() ? '!' : ' ');
    sb.append(fmt("%-19s ", "%s ", addr(ip.src(), ip.srcMask())));
    sb.append(ip.invDst() ? '!' : ' ');
    sb.append(fmt("%-19s ", "-> %s", addr(ip.dst(), ip.dstMask())));
    if (has(NOTABLE)) {
      sb.append("  ");
    }
    if (r.target() instanceof Target.Jump j && j.goTo()) {
      sb.append("[goto] ");
    }
    for (Match m : r.matches()) {
      match(m);
    }
    if (r.target() != null) {
      target(r.target());
    }
    sb.append('\n');
  }

  /** The protocol column: its number with {@code -n}, else its name ({@code all} for 0). */
  private String proto(int p) {
    if (has(NUMERIC) && !has(NOTABLE)) {
      return Integer.toString(p);
    }
    String n = Protocols.name(p);
    return n != null ? n : Integer.toString(p);
  }

  private String addr(int a, int mask) {
    if (mask == 0 && !has(NUMERIC)) {
      return "anywhere";
    }
    String name = has(NUMERIC) ? null : Names.addrName(a);
    String text = name != null ? name : Ip4.format(a);
    if (mask == -1) {
      return text;
    }
    int len = Integer.bitCount(mask);
    return text + "/" + (Ip4.mask(len) == mask ? Integer.toString(len) : Ip4.format(mask));
  }

  /** {@code xtables_print_num}: padded, and with {@code K}, {@code M}... unless {@code -x}. */
  static String num(long n, int format) {
    boolean notable = (format & NOTABLE) != 0;
    if ((format & KILOMEGAGIGA) == 0) {
      return String.format(notable ? "%d " : "%8d ", n);
    }
    if (n <= 99999) {
      return String.format(notable ? "%d " : "%5d ", n);
    }
    String[] units = {"K", "M", "G", "T"};
    long v = n;
    for (int i = 0; i < units.length; i++) {
      v = (v + 500) / 1000;
      if (v <= 9999 || i == units.length - 1) {
        return String.format(notable ? "%d%s " : "%4d%s ", v, units[i]);
      }
    }
    throw new AssertionError();
  }

  // ------------------------------------------------------------------------- extensions

  private void match(Match m) {
    boolean numeric = has(NUMERIC);
    if (m instanceof PortMatch p) {
      String proto = p.name();
      sb.append(' ').append(proto);
      ports("spt", p.sportMin(), p.sportMax(), p.invSport(), proto);
      ports("dpt", p.dportMin(), p.dportMax(), p.invDport(), proto);
      if (p.flagMask() != 0 || p.invFlags()) {
        sb.append(" flags:").append(p.invFlags() ? "!" : "");
        if (numeric) {
          sb.append(String.format("0x%02X/0x%02X", p.flagMask(), p.flagComp()));
        } else {
          sb.append(TcpFlags.names(p.flagMask())).append('/').append(TcpFlags.names(p.flagComp()));
        }
      }
    } else if (m instanceof IcmpMatch i) {
      sb.append(" icmp");
      String name = numeric ? null : IcmpTypes.name(i.type(), i.codeMin(), i.codeMax());
      if (name != null) {
        sb.append(' ').append(i.invert() ? "!" : "").append(name);
        return;
      }
      if (i.invert()) {
        sb.append(" !");
      }
      sb.append("type ").append(i.type());
      if (i.codeMin() == i.codeMax()) {
        sb.append(" code ").append(i.codeMin());
      } else if (i.codeMin() != 0 || i.codeMax() != 0xFF) {
        sb.append(" codes ").append(i.codeMin()).append('-').append(i.codeMax());
      }
    } else if (m instanceof StateMatch s) {
      sb.append(s.invert() ? " ! " : " ").append(s.conntrack() ? "ctstate " : "state ")
          .append(RuleText.states(s.states()));
    } else if (m instanceof CommentMatch c) {
      sb.append(" /* ").append(c.text()).append(" */");
    }
  }

  private void ports(String name, int min, int max, boolean inv, String proto) {
    if (min == 0 && max == 0xFFFF && !inv) {
      return;
    }
    String i = inv ? "!" : "";
    if (min == max) {
      sb.append(' ').append(name).append(':').append(i).append(port(min, proto));
    } else {
      sb.append(' ').append(name).append("s:").append(i).append(port(min, proto)).append(':')
          .append(port(max, proto));
    }
  }

  private String port(int p, String proto) {
    String s = has(NUMERIC) ? null : Names.service(p, proto);
    return s != null ? s : Integer.toString(p);
  }

  /** nft's names for log levels, which iptables-nft prints. */
  private static final String[] LOG_LEVELS =
      {"emerg", "alert", "crit", "err", "warn", "notice", "info", "debug"};

  private void target(Target t) {
    if (t instanceof Target.Reject r) {
      sb.append(" reject-with ").append(r.with().text);
    } else if (t instanceof Target.Log l) {
      sb.append(" LOG");
      if (has(NUMERIC)) {
        sb.append(" flags 0 level ").append(l.level());
      } else {
        sb.append(" level ").append(LOG_LEVELS[l.level()]);
      }
      if (!l.prefix().isEmpty()) {
        sb.append(" prefix \"").append(l.prefix()).append('"');
      }
    } else if (t instanceof Target.Masquerade m) {
      if (m.range().hasPorts()) {
        sb.append(" masq ports: ").append(m.range().ports());
      }
      flags(m.range());
    } else if (t instanceof Target.Redirect r) {
      if (r.range().hasPorts()) {
        sb.append(" redir ports ").append(r.range().ports());
      }
      flags(r.range());
    } else if (t instanceof Target.Snat s) {
      sb.append(" to:").append(s.range().text());
      flags(s.range());
    } else if (t instanceof Target.Dnat d) {
      sb.append(" to:").append(d.range().text());
      flags(d.range());
    }
  }

  private void flags(NatRange r) {
    if (r.random()) {
      sb.append(" random");
    }
    if (r.persistent()) {
      sb.append(" persistent");
    }
  }
}
