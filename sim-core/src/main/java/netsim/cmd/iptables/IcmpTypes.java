package netsim.cmd.iptables;

import java.util.List;
import netsim.netfilter.IcmpMatch;

/**
 * The ICMP type names of libxt_icmp ({@code icmp_codes}), in its order: a name stands for a type
 * and a range of codes. Parsing takes a case-insensitive prefix; listing shows the name whose
 * type and code range are exactly the rule's.
 */
final class IcmpTypes {
  private IcmpTypes() {}

  record Name(String name, int type, int codeMin, int codeMax) {}

  static final List<Name> NAMES = List.of(
      new Name("any", 0xFF, 0, 0xFF),
      new Name("echo-reply", 0, 0, 0xFF),
      new Name("pong", 0, 0, 0xFF),
      new Name("destination-unreachable", 3, 0, 0xFF),
      new Name("network-unreachable", 3, 0, 0),
      new Name("host-unreachable", 3, 1, 1),
      new Name("protocol-unreachable", 3, 2, 2),
      new Name("port-unreachable", 3, 3, 3),
      new Name("fragmentation-needed", 3, 4, 4),
      new Name("source-route-failed", 3, 5, 5),
      new Name("network-unknown", 3, 6, 6),
      new Name("host-unknown", 3, 7, 7),
      new Name("network-prohibited", 3, 9, 9),
      new Name("host-prohibited", 3, 10, 10),
      new Name("TOS-network-unreachable", 3, 11, 11),
      new Name("TOS-host-unreachable", 3, 12, 12),
      new Name("communication-prohibited", 3, 13, 13),
      new Name("host-precedence-violation", 3, 14, 14),
      new Name("precedence-cutoff", 3, 15, 15),
      new Name("source-quench", 4, 0, 0xFF),
      new Name("redirect", 5, 0, 0xFF),
      new Name("network-redirect", 5, 0, 0),
      new Name("host-redirect", 5, 1, 1),
      new Name("TOS-network-redirect", 5, 2, 2),
      new Name("TOS-host-redirect", 5, 3, 3),
      new Name("echo-request", 8, 0, 0xFF),
      new Name("ping", 8, 0, 0xFF),
      new Name("router-advertisement", 9, 0, 0xFF),
      new Name("router-solicitation", 10, 0, 0xFF),
      new Name("time-exceeded", 11, 0, 0xFF),
      new Name("ttl-exceeded", 11, 0, 0xFF),
      new Name("ttl-zero-during-transit", 11, 0, 0),
      new Name("ttl-zero-during-reassembly", 11, 1, 1),
      new Name("parameter-problem", 12, 0, 0xFF),
      new Name("ip-header-bad", 12, 0, 0),
      new Name("required-option-missing", 12, 1, 1),
      new Name("timestamp-request", 13, 0, 0xFF),
      new Name("timestamp-reply", 14, 0, 0xFF),
      new Name("address-mask-request", 17, 0, 0xFF),
      new Name("address-mask-reply", 18, 0, 0xFF));

  /**
   * {@code --icmp-type}: a name (case-insensitive prefix, which must not fit two names) or
   * {@code TYPE[/CODE]}.
   */
  static IcmpMatch parse(String prog, String arg, boolean invert) throws IptError {
    Name match = null;
    for (Name n : NAMES) {
      if (n.name.regionMatches(true, 0, arg, 0, arg.length()) && arg.length() <= n.name.length()) {
        if (match != null) {
          throw IptError.param(prog, "Ambiguous ICMP type `" + arg + "': `" + match.name
              + "' or `" + n.name + "'?");
        }
        match = n;
      }
    }
    if (match != null) {
      return new IcmpMatch(match.type, match.codeMin, match.codeMax, invert);
    }
    int i = 0;
    while (i < arg.length() && Character.isDigit(arg.charAt(i))) {
      i++;
    }
    if (i == 0 || i > 3 || Integer.parseInt(arg.substring(0, i)) > 255) {
      throw IptError.param(prog, "Unknown ICMP type `" + arg + "'");
    }
    int type = Integer.parseInt(arg.substring(0, i));
    if (i == arg.length()) {
      return new IcmpMatch(type, 0, 0xFF, invert);
    }
    if (arg.charAt(i) != '/') {
      throw IptError.param(prog, "unknown character " + arg.charAt(i));
    }
    String code = arg.substring(i + 1);
    if (code.isEmpty() || code.length() > 3 || !code.chars().allMatch(Character::isDigit)
        || Integer.parseInt(code) > 255) {
      throw IptError.param(prog, "Unknown ICMP code `" + arg + "'");
    }
    int c = Integer.parseInt(code);
    return new IcmpMatch(type, c, c, invert);
  }

  /** The name {@code -L} shows for exactly this type and code range, or null. */
  static String name(int type, int codeMin, int codeMax) {
    for (Name n : NAMES) {
      if (n.type == type && n.codeMin == codeMin && n.codeMax == codeMax) {
        return n.name;
      }
    }
    return null;
  }
}
