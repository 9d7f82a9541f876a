package netsim.cmd.ip;

import java.util.Map;
import netsim.model.RouteType;

/** iproute2's names for route tables and protocols (/etc/iproute2/rt_tables, rt_protos). */
final class RouteNames {
  private RouteNames() {}

  private static final Map<Integer, String> PROTOS = Map.ofEntries(
      Map.entry(0, "unspec"), Map.entry(1, "redirect"), Map.entry(2, "kernel"),
      Map.entry(3, "boot"), Map.entry(4, "static"), Map.entry(8, "gated"), Map.entry(9, "ra"),
      Map.entry(10, "mrt"), Map.entry(11, "zebra"), Map.entry(12, "bird"),
      Map.entry(13, "dnrouted"), Map.entry(14, "xorp"), Map.entry(15, "ntk"),
      Map.entry(16, "dhcp"), Map.entry(18, "keepalived"), Map.entry(42, "babel"),
      Map.entry(99, "openr"), Map.entry(186, "bgp"), Map.entry(187, "isis"),
      Map.entry(188, "ospf"), Map.entry(189, "rip"), Map.entry(192, "eigrp"));

  static String table(int id) {
    return switch (id) {
      case 0 -> "unspec";
      case 253 -> "default";
      case 254 -> "main";
      case 255 -> "local";
      default -> Integer.toUnsignedString(id);
    };
  }

  /** {@code rtnl_rttable_a2n}: a name or a number; -1 (as long) when neither. */
  static long tableId(String s) {
    switch (s) {
      case "unspec":
        return 0;
      case "default":
        return 253;
      case "main":
        return 254;
      case "local":
        return 255;
      default:
        return parseU32(s);
    }
  }

  static String proto(int p) {
    String n = PROTOS.get(p);
    return n != null ? n : Integer.toString(p);
  }

  static long protoId(String s) {
    for (Map.Entry<Integer, String> e : PROTOS.entrySet()) {
      if (e.getValue().equals(s)) {
        return e.getKey();
      }
    }
    long v = parseU32(s);
    return v > 255 ? -1 : v;
  }

  /** {@code rtnl_rtntype_a2n}. */
  static RouteType type(String s) {
    return switch (s) {
      case "local" -> RouteType.LOCAL;
      case "nat" -> RouteType.NAT;
      case "broadcast", "brd" -> RouteType.BROADCAST;
      case "anycast" -> RouteType.ANYCAST;
      case "multicast" -> RouteType.MULTICAST;
      case "prohibit" -> RouteType.PROHIBIT;
      case "unreachable" -> RouteType.UNREACHABLE;
      case "blackhole" -> RouteType.BLACKHOLE;
      case "xresolve" -> RouteType.XRESOLVE;
      case "unicast" -> RouteType.UNICAST;
      case "throw" -> RouteType.THROW;
      default -> null;
    };
  }

  /** {@code get_u32(.., 0)}: decimal, 0x hex, leading-zero octal; -1 when not one. */
  static long parseU32(String s) {
    try {
      long v;
      if (s.startsWith("0x") || s.startsWith("0X")) {
        v = Long.parseLong(s.substring(2), 16);
      } else if (s.length() > 1 && s.startsWith("0")) {
        v = Long.parseLong(s.substring(1), 8);
      } else {
        if (s.isEmpty() || !Character.isDigit(s.charAt(0))) {
          return -1;
        }
        v = Long.parseLong(s);
      }
      return v < 0 || v > 0xFFFFFFFFL ? -1 : v;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
