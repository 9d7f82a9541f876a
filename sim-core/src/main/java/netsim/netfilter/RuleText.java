package netsim.netfilter;

import netsim.model.Ip4;

/**
 * Writes a rule the way {@code iptables -S} and {@code iptables-save} do ({@code nft_rule_save}
 * and each extension's {@code save}): {@code -s -d -i -o -p -f}, then the matches in order, then
 * the counters with {@code -v}, then {@code -j} and the target's options. Addresses are written
 * with their prefix length ({@code /32} for a host) or, when the mask is not a prefix, as a
 * dotted mask; ports and ICMP types as numbers.
 */
public final class RuleText {
  private RuleText() {}

  /** {@code -A CHAIN ...}, as {@code iptables -S} prints it. */
  public static String save(String chain, Rule r) {
    return save(chain, r, null);
  }

  /** With {@code -c PKTS BYTES} when counters are given ({@code iptables -S -v}). */
  public static String save(String chain, Rule r, Counters c) {
    StringBuilder sb = new StringBuilder("-A ").append(chain);
    IpHeader ip = r.ip();
    if (ip.srcMask() != 0 || ip.invSrc()) {
      sb.append(ip.invSrc() ? " ! -s " : " -s ").append(addr(ip.src(), ip.srcMask()));
    }
    if (ip.dstMask() != 0 || ip.invDst()) {
      sb.append(ip.invDst() ? " ! -d " : " -d ").append(addr(ip.dst(), ip.dstMask()));
    }
    if (!ip.in().isEmpty()) {
      sb.append(ip.invIn() ? " ! -i " : " -i ").append(ip.in());
    }
    if (!ip.out().isEmpty()) {
      sb.append(ip.invOut() ? " ! -o " : " -o ").append(ip.out());
    }
    if (ip.proto() != 0) {
      String n = Protocols.name(ip.proto());
      sb.append(ip.invProto() ? " ! -p " : " -p ").append(n != null ? n : ip.proto());
    }
    if (ip.fragment()) {
      sb.append(ip.invFragment() ? " ! -f" : " -f");
    }
    for (Match m : r.matches()) {
      sb.append(" -m ").append(m.name());
      match(sb, m);
    }
    if (c != null) {
      sb.append(" -c ").append(c.packets()).append(' ').append(c.bytes());
    }
    if (r.target() != null) {
      sb.append(r.target() instanceof Target.Jump j && j.goTo() ? " -g " : " -j ")
          .append(r.target().name());
      target(sb, r.target());
    }
    return sb.toString();
  }

  /** An address and mask: {@code 10.0.0.0/8}, {@code 1.2.3.4/32}, {@code 10.0.0.0/255.0.255.0}. */
  public static String addr(int a, int mask) {
    int len = Integer.bitCount(mask);
    if (Ip4.mask(len) == mask) {
      return Ip4.format(a) + "/" + len;
    }
    return Ip4.format(a) + "/" + Ip4.format(mask);
  }

  private static void match(StringBuilder sb, Match m) {
    if (m instanceof PortMatch p) {
      if (p.hasSport()) {
        sb.append(p.invSport() ? " ! --sport " : " --sport ")
            .append(range(p.sportMin(), p.sportMax()));
      }
      if (p.hasDport()) {
        sb.append(p.invDport() ? " ! --dport " : " --dport ")
            .append(range(p.dportMin(), p.dportMax()));
      }
      if (p.flagMask() != 0 || p.invFlags()) {
        sb.append(p.invFlags() ? " ! --tcp-flags " : " --tcp-flags ")
            .append(TcpFlags.names(p.flagMask())).append(' ')
            .append(TcpFlags.names(p.flagComp()));
      }
    } else if (m instanceof IcmpMatch i) {
      sb.append(i.invert() ? " ! --icmp-type " : " --icmp-type ");
      if (i.type() == IcmpMatch.ANY) {
        sb.append("any");
      } else {
        sb.append(i.type());
        if (i.codeMin() != 0 || i.codeMax() != 0xFF) {
          sb.append('/').append(i.codeMin());
        }
      }
    } else if (m instanceof StateMatch s) {
      sb.append(s.invert() ? " !" : "")
          .append(s.conntrack() ? " --ctstate " : " --state ").append(states(s.states()));
    } else if (m instanceof CommentMatch c) {
      sb.append(" --comment").append(quoted(c.text()));
    }
  }

  private static String range(int min, int max) {
    return min == max ? Integer.toString(min) : min + ":" + max;
  }

  /** The states of a mask, comma-separated in {@link CtState} order. */
  public static String states(int mask) {
    StringBuilder sb = new StringBuilder();
    for (CtState s : CtState.values()) {
      if ((mask & s.bit()) != 0) {
        if (sb.length() > 0) {
          sb.append(',');
        }
        sb.append(s.name());
      }
    }
    return sb.toString();
  }

  private static void target(StringBuilder sb, Target t) {
    if (t instanceof Target.Reject r) {
      sb.append(" --reject-with ").append(r.with().text);
    } else if (t instanceof Target.Log l) {
      if (!l.prefix().isEmpty()) {
        sb.append(" --log-prefix").append(quoted(l.prefix()));
      }
      if (l.level() != 4) {
        sb.append(" --log-level ").append(l.level());
      }
    } else if (t instanceof Target.Masquerade m) {
      natOptions(sb, "--to-ports", m.range(), true);
    } else if (t instanceof Target.Snat s) {
      natOptions(sb, "--to-source", s.range(), false);
    } else if (t instanceof Target.Dnat d) {
      natOptions(sb, "--to-destination", d.range(), false);
    } else if (t instanceof Target.Redirect r) {
      natOptions(sb, "--to-ports", r.range(), true);
    }
  }

  private static void natOptions(StringBuilder sb, String option, NatRange r, boolean portsOnly) {
    if (portsOnly ? r.hasPorts() : (r.hasAddr() || r.hasPorts())) {
      sb.append(' ').append(option).append(' ').append(portsOnly ? r.ports() : r.text());
    }
    if (r.random()) {
      sb.append(" --random");
    }
    if (r.persistent()) {
      sb.append(" --persistent");
    }
  }

  /**
   * {@code xtables_save_string}: bare when made only of letters, digits, {@code _} and {@code -};
   * otherwise in double quotes with {@code "}, {@code \} and {@code '} escaped. Starts with the
   * space before it.
   */
  static String quoted(String s) {
    if (!s.isEmpty() && s.chars().allMatch(c -> c == '_' || c == '-'
        || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
      return " " + s;
    }
    StringBuilder sb = new StringBuilder(" \"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\' || c == '\'') {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.append('"').toString();
  }
}
