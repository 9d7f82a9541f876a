package netsim.fuzz;

import java.util.List;
import netsim.model.Ip4;
import netsim.model.Prefix;

/**
 * The small pools that generated networks draw from, so that subnets overlap, collide and
 * sometimes match: every address is in or near 10.0.1.0/24, every route prefix covers some of
 * them, and the same address turns up in several namespaces.
 */
final class Pools {

  private Pools() {}

  /** Subnets that addresses are drawn from (a /32 and a /31 among them). */
  static final List<Prefix> SUBNETS = List.of(
      p("10.0.1.0/24"), p("10.0.2.0/24"), p("10.0.1.0/25"), p("10.0.0.0/16"),
      p("10.0.1.128/25"), p("10.0.3.0/30"), p("192.168.1.0/24"), p("10.0.0.0/8"),
      p("10.0.4.0/31"), p("10.0.1.7/32"), p("10.0.2.0/23"));

  /** Host parts; in subnets wider than /24 they land in the subnet's x.x.1.0/24 or x.x.3.0/24. */
  static final List<Integer> HOSTS = List.of(1, 2, 3, 4, 5, 129, 254, 0, 255);

  /** Route destinations. */
  static final List<Prefix> PREFIXES = List.of(
      p("0.0.0.0/0"), p("10.0.0.0/8"), p("10.0.0.0/16"), p("10.0.1.0/24"), p("10.0.2.0/24"),
      p("10.0.1.128/25"), p("10.0.3.0/30"), p("10.0.1.2/32"), p("192.168.1.0/24"),
      p("192.168.0.0/16"), p("172.16.0.0/12"), p("10.0.2.0/23"), p("10.0.1.0/25"));

  /** Route metrics; -1 is none given. */
  static final List<Integer> METRICS = List.of(-1, 10, 100, 5);

  /** Addresses of no subnet above, or of none at all. */
  static final List<String> SPECIAL = List.of("127.0.0.1", "8.8.8.8", "0.0.0.0",
      "255.255.255.255", "127.0.0.2", "172.16.5.5");

  /** A sysctl key ({@code DEV} stands for a device) and the values it is set to. */
  record Key(String key, List<Integer> values) {}

  /** The sysctls that steps set; ip_forward first, the one most steps set. */
  static final List<Key> SYSCTLS = List.of(
      new Key("net.ipv4.ip_forward", List.of(1, 0)),
      new Key("net.ipv4.conf.DEV.forwarding", List.of(1, 0)),
      new Key("net.ipv4.conf.all.rp_filter", List.of(1, 2, 0)),
      new Key("net.ipv4.conf.DEV.rp_filter", List.of(1, 2, 0)),
      new Key("net.ipv4.conf.all.forwarding", List.of(1, 0)),
      new Key("net.ipv4.conf.all.ignore_routes_with_linkdown", List.of(1, 0)),
      new Key("net.ipv4.conf.DEV.arp_ignore", List.of(1, 2)),
      new Key("net.ipv4.icmp_echo_ignore_all", List.of(1)),
      new Key("net.ipv4.conf.all.accept_local", List.of(1)),
      new Key("net.ipv4.conf.default.forwarding", List.of(1)));

  /** Routing tables that routes go to: main (named by nothing), 100, 101. */
  static final List<String> TABLES = List.of("", " table 100", " table 101");

  /** Rule selectors: P a pool prefix, DEV a device, END a link end's address. */
  static final List<String> RULE_SELECTORS = List.of("", "from P", "to P", "iif DEV", "oif DEV",
      "fwmark 1", "from END", "from END to P", "not to P");

  /** Rule priorities; -1 is none given (the kernel numbers it). */
  static final List<Integer> RULE_PRIOS = List.of(-1, 100, 200, 1000, 32765);

  /** Rule actions, the tables that routes go to most often. */
  static final List<String> RULE_ACTIONS = List.of("table 100", "lookup 101", "table 100",
      "lookup main", "unreachable", "prohibit", "blackhole", "table 102");

  /** The chains that iptables steps append to: filter's, then nat's. */
  static final List<String> CHAINS = List.of("INPUT", "OUTPUT", "FORWARD", "POSTROUTING",
      "PREROUTING", "OUTPUT");

  /** How many of {@link #CHAINS} are filter's. */
  static final int FILTER_CHAINS = 3;

  /** What a dump step prints (after {@code ip [-n NS]}, or in the namespace for iptables). */
  static final List<String> DUMPS = List.of("route show", "route show table local",
      "-br -4 addr", "-br link", "-4 addr show", "-j route show", "-4 -o addr", "rule",
      "route show table 100", "-j rule show", "iptables -S", "iptables -t nat -S");

  /**
   * The dumps that show no link state (operstate), for networks whose devices number
   * themselves: see {@link ScriptWriter}.
   */
  static final List<String> STATELESS_DUMPS = List.of("route show", "route show table local",
      "-j route show", "-4 -o addr", "rule", "route show table 100", "-j rule show",
      "iptables -S", "iptables -t nat -S");

  private static Prefix p(String s) {
    String[] parts = s.split("/");
    return new Prefix(Ip4.of(parts[0]), Integer.parseInt(parts[1]));
  }

  /** The address of host part {@code host} in subnet {@code subnet} (both pool indexes, mod). */
  static int address(int subnet, int host) {
    Prefix s = SUBNETS.get(Math.floorMod(subnet, SUBNETS.size()));
    int h = HOSTS.get(Math.floorMod(host, HOSTS.size()));
    int hostMask = ~s.mask();
    if (s.len() < 24) {
      h |= 0x100;
    }
    return s.network() | (h & hostMask);
  }

  /** The prefix length of pool subnet {@code subnet}. */
  static int length(int subnet) {
    return SUBNETS.get(Math.floorMod(subnet, SUBNETS.size())).len();
  }

  /** The broadcast address (last address) of pool subnet {@code subnet}. */
  static int broadcast(int subnet) {
    return SUBNETS.get(Math.floorMod(subnet, SUBNETS.size())).last();
  }
}
