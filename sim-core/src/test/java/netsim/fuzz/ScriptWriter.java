package netsim.fuzz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import netsim.fuzz.NetSpec.Addr;
import netsim.fuzz.NetSpec.BridgeAdd;
import netsim.fuzz.NetSpec.Dump;
import netsim.fuzz.NetSpec.Enslave;
import netsim.fuzz.NetSpec.Filter;
import netsim.fuzz.NetSpec.Link;
import netsim.fuzz.NetSpec.Ping;
import netsim.fuzz.NetSpec.Route;
import netsim.fuzz.NetSpec.RouteGet;
import netsim.fuzz.NetSpec.Rule;
import netsim.fuzz.NetSpec.SetLink;
import netsim.fuzz.NetSpec.SetLo;
import netsim.fuzz.NetSpec.Step;
import netsim.fuzz.NetSpec.Sysctl;
import netsim.fuzz.NetSpec.Target;
import netsim.model.Ip4;
import netsim.model.Prefix;

/**
 * Writes a {@link NetSpec} as a scenario-language script: namespaces, veth pairs, their
 * addresses and states, then the configuration steps and the probes, one command a line.
 *
 * <p>What the kernel makes random or time-dependent is kept out, so that two runs of the script
 * on the kernel print the same:
 *
 * <ul>
 *   <li><b>Link events.</b> linkwatch handles a veth's carrier change at once only when the device
 *       is running and its ifindex differs from its peer's; otherwise the change may wait up to
 *       a second, and a dump right after it may or may not show it (NO-CARRIER, a route's {@code
 *       linkdown}). And when it does run, {@code default_operstate} calls a device without
 *       carrier LOWERLAYERDOWN only if its own namespace has, at that moment, a device with its
 *       peer's number and no carrier; a device made down is judged by a delayed event, so
 *       whether a pair made right after it takes that number is a race. So either every veth
 *       end gets an ifindex of its own, unique across the namespaces ({@link NetSpec#indexed}),
 *       which settles both; or devices take the next free number, the writer numbers them as the
 *       kernel will and gives the second end of a pair whose ends would share a number an
 *       explicit {@code index} of its own (which moves no counter), and the dumps are the ones
 *       that show no operstate ({@link Pools#STATELESS_DUMPS}).
 *   <li><b>ICMP redirects.</b> A router that sends a packet back out of the device it came in
 *       on redirects the sender, rate-limited with a backoff of 20 ms, 40 ms, 80 ms...: whether
 *       the next one goes out depends on how long the lines between took. Every namespace turns
 *       {@code send_redirects} off before it has devices.
 *   <li><b>ARP timeouts.</b> See {@link #PING}.
 *   <li><b>Bridges.</b> A bridge takes the lowest MAC of its ports, so in a network with a
 *       bridge every veth end gets a MAC of its own ({@code 02:00:00:00:LL:0S}, for link LL and
 *       side S), not a random one. A bridge that loses carrier does so by a delayed link event,
 *       so nothing is done that can take carrier from a bridge: no {@code nomaster}, no link of
 *       which one end is a port set down after it became one, no bridge set down; and networks
 *       with a bridge list no link state (the dumps of {@link Pools#STATELESS_DUMPS}). An up
 *       bridge without ports has carrier, and its first port takes it away unless that port has
 *       carrier itself (up, and its peer up): so a bridge's first port is one that has, and a
 *       port stays in its bridge (moving it could leave the old bridge without a live port).
 *   <li><b>IGMP.</b> The kernel sends IGMP reports of its own, at random times after a device
 *       with an address comes up; a DNAT rule that matched them would send them to a unicast
 *       address and leave neighbour entries behind, so DNAT rules match ICMP only.
 * </ul>
 */
public final class ScriptWriter {

  /**
   * The ping that every ping probe runs: one echo, four seconds to wait. An ARP resolution that
   * nobody answers fails 3 s after it starts (plus up to 0.2 s of timer slack) and sends its
   * queued packets' errors then; a ping that waits longer than that sees its own error and
   * leaves no resolution running behind it. With shorter waits the failure fell into a later
   * ping's wait or not, depending on how long the lines between took (two-second pings: the
   * next ping to the same neighbour saw the error only when it started within 1 s).
   */
  static final String PING = "ping -c1 -W4";

  private final NetSpec spec;
  private final int n;
  private final List<String> out = new ArrayList<>();
  /** Per namespace: its veth ends, in link order (end = 2 * link + side). */
  private final List<List<Integer>> devs = new ArrayList<>();
  /** Per end: its device name. */
  private final Map<Integer, String> names = new HashMap<>();
  /** Per namespace: its bridges' names, in creation order. */
  private final List<List<String>> bridges = new ArrayList<>();
  /** The links of which an end is a bridge port. */
  private final java.util.Set<Integer> bridgedLinks = new java.util.HashSet<>();
  /** The link ends that are bridge ports. */
  private final java.util.Set<Integer> ports = new java.util.HashSet<>();
  /** The bridges ("node/name") that have a port. */
  private final java.util.Set<String> bridgesWithPorts = new java.util.HashSet<>();
  /** The link ends that are up (set up and not set down since). */
  private final java.util.Set<Integer> upEnds = new java.util.HashSet<>();
  /** Whether the network has a bridge (then veth ends get fixed MACs). */
  private final boolean bridged;

  private ScriptWriter(NetSpec spec) {
    this.spec = spec;
    this.n = Math.max(1, spec.nodes());
    this.bridged = spec.config().stream().anyMatch(s -> s instanceof BridgeAdd);
  }

  /** The script, with {@code header} (may be empty) as comment lines on top. */
  public static String write(NetSpec spec, String header) {
    return new ScriptWriter(spec).build(header);
  }

  private String build(String header) {
    StringBuilder sb = new StringBuilder();
    for (String h : header.lines().toList()) {
      sb.append("# ").append(h).append('\n');
    }
    namespaces();
    links();
    for (Step s : spec.config()) {
      step(s);
    }
    for (Step s : spec.probes()) {
      step(s);
    }
    for (String l : out) {
      sb.append(l).append('\n');
    }
    return sb.toString();
  }

  // ------------------------------------------------------------------------------ names

  private boolean isHost(int node) {
    return spec.hostIsNode0() && node == 0;
  }

  private String nsName(int node) {
    return "n" + node;
  }

  private int node(int i) {
    return Math.floorMod(i, n);
  }

  /** {@code ip [-n NS] REST}. */
  private String ip(int node, String rest) {
    return isHost(node) ? "ip " + rest : "ip -n " + nsName(node) + " " + rest;
  }

  /** A command run in a namespace: as is in the host, else under {@code ip netns exec}. */
  private String exec(int node, String cmd) {
    return isHost(node) ? cmd : "ip netns exec " + nsName(node) + " " + cmd;
  }

  private int ends() {
    return 2 * spec.links().size();
  }

  private int endNode(int end) {
    Link l = spec.links().get(end / 2);
    return node(end % 2 == 0 ? l.a() : l.b());
  }

  /** The base address of a link end (its link's subnet and host part), or null. */
  private String endAddr(int end) {
    Link l = spec.links().get(end / 2);
    if (l.subnet() >= Pools.SUBNETS.size()) {
      return null;
    }
    int host = end % 2 == 0 ? l.hostA() : l.hostB();
    return Ip4.format(Pools.address(l.subnet(), host));
  }

  /** Device {@code i} of a namespace: one of its veth ends, a bridge, or lo (the last choice). */
  private String dev(int node, int i) {
    List<Integer> d = devs.get(node);
    List<String> b = bridges.get(node);
    int k = Math.floorMod(i, d.size() + b.size() + 1);
    return k < d.size() ? names.get(d.get(k)) : k < d.size() + b.size()
        ? b.get(k - d.size()) : "lo";
  }

  /** The end that device {@code i} of a namespace is, or -1 for a bridge, lo or none. */
  private int devEnd(int node, int i) {
    List<Integer> d = devs.get(node);
    int k = Math.floorMod(i, d.size() + bridges.get(node).size() + 1);
    return k < d.size() ? d.get(k) : -1;
  }

  /** An address as text, seen from {@code node}. */
  private String target(int node, Target t) {
    switch (t.kind()) {
      case END -> {
        if (ends() > 0) {
          String a = endAddr(Math.floorMod(t.i(), ends()));
          if (a != null) {
            return a;
          }
        }
        return Ip4.format(Pools.address(t.i(), t.j()));
      }
      case PEER -> {
        List<Integer> d = devs.get(node);
        if (!d.isEmpty()) {
          int end = d.get(Math.floorMod(t.i(), d.size()));
          String a = endAddr(end ^ 1);
          if (a != null) {
            return a;
          }
        }
        return Ip4.format(Pools.address(t.i(), t.j()));
      }
      case POOL -> {
        return Ip4.format(Pools.address(t.i(), t.j()));
      }
      case BROADCAST -> {
        return Ip4.format(Pools.broadcast(t.i()));
      }
      default -> {
        return Pools.SPECIAL.get(Math.floorMod(t.i(), Pools.SPECIAL.size()));
      }
    }
  }

  // ------------------------------------------------------------------------------ the network

  private void namespaces() {
    for (int i = 0; i < n; i++) {
      devs.add(new ArrayList<>());
      bridges.add(new ArrayList<>());
      if (!isHost(i)) {
        out.add("ip netns add " + nsName(i));
      }
    }
    for (int i = 0; i < n; i++) {
      if (!isHost(i)) {
        out.add(ip(i, "link set lo up"));
      }
      out.add(exec(i, "sysctl -q -w net.ipv4.conf.all.send_redirects=0"
          + " net.ipv4.conf.default.send_redirects=0"));
    }
  }

  /**
   * Creates the pairs, numbering devices as the kernel does (lo is 1, then each namespace counts
   * up from 2; a pair's peer registers before the end that is created), then gives each end its
   * address and brings it up.
   */
  private void links() {
    int[] next = new int[n];
    java.util.Arrays.fill(next, 2);
    int[] count = new int[n];
    for (int li = 0; li < spec.links().size(); li++) {
      Link l = spec.links().get(li);
      int a = node(l.a());
      int b = node(l.b());
      String nameA = "eth" + count[a]++;
      String nameB = "eth" + count[b]++;
      names.put(2 * li, nameA);
      names.put(2 * li + 1, nameB);
      devs.get(a).add(2 * li);
      devs.get(b).add(2 * li + 1);
      // the host has no name to put a peer in: create from the host's side then
      boolean fromA = !isHost(b) || isHost(a);
      int creator = fromA ? a : b;
      int other = fromA ? b : a;
      String mine = fromA ? nameA : nameB;
      String peer = fromA ? nameB : nameA;
      String index = "";
      String peerIndex = "";
      if (spec.indexed()) {
        index = " index " + (100 + 2 * li);
        peerIndex = " index " + (101 + 2 * li);
      } else {
        int p = next[other]++;
        if (creator != other && next[creator] == p) {
          index = " index " + (100 + li);
        } else {
          next[creator]++;
        }
      }
      if (bridged) {
        int mine0 = fromA ? 0 : 1;
        index += String.format(" address 02:00:00:00:%02x:%02x", li & 0xFF, mine0);
        peerIndex += String.format(" address 02:00:00:00:%02x:%02x", li & 0xFF, 1 - mine0);
      }
      String peerNs = creator == other ? "" : " netns " + nsName(other);
      out.add(ip(creator, "link add " + mine + index + " type veth peer name " + peer
          + peerIndex + peerNs));
    }
    for (int li = 0; li < spec.links().size(); li++) {
      Link l = spec.links().get(li);
      for (int side = 0; side < 2; side++) {
        int end = 2 * li + side;
        String a = endAddr(end);
        if (a != null) {
          out.add(ip(endNode(end), "addr add " + a + "/" + Pools.length(l.subnet()) + " dev "
              + names.get(end)));
        }
      }
      for (int side = 0; side < 2; side++) {
        int end = 2 * li + side;
        if (!(side == 0 ? l.downA() : l.downB())) {
          upEnds.add(end);
          out.add(ip(endNode(end), "link set " + names.get(end) + " up"));
        }
      }
    }
  }

  // ------------------------------------------------------------------------------ steps

  private void step(Step s) {
    if (s instanceof Addr a) {
      addr(a);
    } else if (s instanceof SetLink l) {
      if (ends() > 0) {
        int end = Math.floorMod(l.end(), ends());
        if (l.up() || !bridgedLinks.contains(end / 2)) {
          if (l.up()) {
            upEnds.add(end);
          } else {
            upEnds.remove(end);
          }
          out.add(ip(endNode(end), "link set " + names.get(end) + (l.up() ? " up" : " down")));
        }
      }
    } else if (s instanceof SetLo l) {
      out.add(ip(node(l.node()), "link set lo " + (l.up() ? "up" : "down")));
    } else if (s instanceof Route r) {
      route(r);
    } else if (s instanceof Sysctl c) {
      sysctl(c);
    } else if (s instanceof Ping p) {
      ping(p);
    } else if (s instanceof RouteGet g) {
      routeGet(g);
    } else if (s instanceof Rule r) {
      rule(r);
    } else if (s instanceof BridgeAdd b) {
      bridge(b);
    } else if (s instanceof Enslave e) {
      enslave(e);
    } else if (s instanceof Filter f) {
      filter(f);
    } else if (s instanceof Dump d) {
      List<String> dumps = spec.indexed() && !bridged ? Pools.DUMPS : Pools.STATELESS_DUMPS;
      String what = dumps.get(Math.floorMod(d.what(), dumps.size()));
      int node = node(d.node());
      out.add(what.startsWith("iptables") ? exec(node, what) : ip(node, what));
    }
  }

  /** A pool prefix, as ip writes it. */
  private static String prefix(int i) {
    Prefix p = Pools.PREFIXES.get(Math.floorMod(i, Pools.PREFIXES.size()));
    return p.len() == 0 ? "default" : p.format(true);
  }

  private void rule(Rule r) {
    int node = node(r.node());
    String sel = Pools.RULE_SELECTORS.get(Math.floorMod(r.selector(), Pools.RULE_SELECTORS.size()));
    int prio = Pools.RULE_PRIOS.get(Math.floorMod(r.prio(), Pools.RULE_PRIOS.size()));
    String action = Pools.RULE_ACTIONS.get(Math.floorMod(r.action(), Pools.RULE_ACTIONS.size()));
    if (r.delete() && sel.isEmpty()) {
      out.add(ip(node, "rule del pref " + (prio < 0 ? 32766 : prio)));
      return;
    }
    String what = sel.replace("END", ends() > 0 ? target(node, new Target(Target.Kind.END,
            r.arg(), 0)) : Ip4.format(Pools.address(r.arg(), 0)))
        .replace("DEV", dev(node, r.arg())).replace("P", prefix(r.arg()));
    StringBuilder sb = new StringBuilder("rule ").append(r.delete() ? "del" : "add");
    if (!what.isEmpty()) {
      sb.append(' ').append(what);
    }
    if (prio >= 0) {
      sb.append(" pref ").append(prio);
    }
    sb.append(' ').append(action);
    out.add(ip(node, sb.toString()));
  }

  private void bridge(BridgeAdd b) {
    int node = node(b.node());
    List<String> mine = bridges.get(node);
    if (mine.size() >= 2) {
      return;
    }
    String name = "br" + mine.size();
    mine.add(name);
    out.add(ip(node, "link add " + name + " type bridge"));
    if (b.subnet() < Pools.SUBNETS.size()) {
      out.add(ip(node, "addr add " + Ip4.format(Pools.address(b.subnet(), b.host())) + "/"
          + Pools.length(b.subnet()) + " dev " + name));
    }
    out.add(ip(node, "link set " + name + " up"));
  }

  private void enslave(Enslave e) {
    if (ends() == 0) {
      return;
    }
    List<Integer> candidates = new ArrayList<>();
    for (int end = 0; end < ends(); end++) {
      if (!bridges.get(endNode(end)).isEmpty() && !ports.contains(end)) {
        candidates.add(end);
      }
    }
    if (candidates.isEmpty()) {
      return;
    }
    int end = candidates.get(Math.floorMod(e.end(), candidates.size()));
    List<String> b = bridges.get(endNode(end));
    String bridge = b.get(Math.floorMod(e.bridge(), b.size()));
    String key = endNode(end) + "/" + bridge;
    // an up bridge without ports has carrier; its first port, if it has none (down, or its
    // peer down), takes it away, and that is a delayed link event: see the class comment
    if (!bridgesWithPorts.contains(key) && !(upEnds.contains(end) && upEnds.contains(end ^ 1))) {
      return;
    }
    bridgesWithPorts.add(key);
    ports.add(end);
    bridgedLinks.add(end / 2);
    out.add(ip(endNode(end), "link set " + names.get(end) + " master " + bridge));
  }

  private void filter(Filter f) {
    int node = node(f.node());
    int c = Math.floorMod(f.chain(), Pools.CHAINS.size());
    String chain = Pools.CHAINS.get(c);
    boolean nat = c >= Pools.FILTER_CHAINS;
    boolean in = chain.equals("INPUT") || chain.equals("PREROUTING");
    boolean outward = chain.equals("OUTPUT") || chain.equals("POSTROUTING");
    StringBuilder sb = new StringBuilder("iptables ");
    if (nat) {
      sb.append("-t nat ");
    }
    sb.append("-A ").append(chain);
    String dev = dev(node, f.arg());
    switch (Math.floorMod(f.match(), 6)) {
      case 1 -> sb.append(" -s ").append(prefix(f.arg()).replace("default", "0.0.0.0/0"));
      case 2 -> sb.append(" -d ").append(prefix(f.arg()).replace("default", "0.0.0.0/0"));
      case 3 -> sb.append(outward ? " -o " : " -i ").append(dev);
      case 4 -> sb.append(in ? " -i " : " -o ").append(dev);
      case 5 -> sb.append(" -p icmp");
      default -> { }
    }
    int t = Math.floorMod(f.target(), 3);
    if (!nat) {
      sb.append(" -j ").append(t == 0 ? "DROP" : t == 1 ? "REJECT" : "ACCEPT");
    } else if (chain.equals("POSTROUTING")) {
      sb.append(t == 0 ? " -j SNAT --to-source " + target(node,
          new Target(Target.Kind.END, f.arg(), 1)) : " -j MASQUERADE");
    } else {
      if (Math.floorMod(f.match(), 6) != 5) {
        // the kernel's own IGMP reports (sent at random times when a device comes up) would be
        // DNATed to a unicast address and make neighbour entries: DNAT only ICMP
        sb.append(" -p icmp");
      }
      sb.append(" -j DNAT --to-destination ").append(target(node,
          new Target(t == 0 ? Target.Kind.PEER : Target.Kind.END, f.arg() + t, 1)));
    }
    out.add(exec(node, sb.toString()));
  }

  private void addr(Addr a) {
    if (ends() == 0) {
      return;
    }
    int end = Math.floorMod(a.end(), ends());
    String addr = Ip4.format(Pools.address(a.subnet(), a.host())) + "/"
        + Pools.length(a.subnet());
    out.add(ip(endNode(end), "addr " + (a.delete() ? "del " : "add ") + addr + " dev "
        + names.get(end)));
  }

  private void route(Route r) {
    int node = node(r.node());
    Prefix p = Pools.PREFIXES.get(Math.floorMod(r.dst(), Pools.PREFIXES.size()));
    String dst = p.len() == 0 ? "default" : p.format(true);
    StringBuilder sb = new StringBuilder("route ");
    sb.append(switch (r.verb()) {
      case ADD -> "add ";
      case REPLACE -> "replace ";
      case APPEND -> "append ";
      case DEL -> "del ";
    });
    String gw = target(node, r.gw());
    String dev = dev(node, r.dev());
    switch (r.kind()) {
      case VIA -> sb.append(dst).append(" via ").append(gw);
      case DEV -> sb.append(dst).append(" dev ").append(dev);
      case VIA_DEV -> sb.append(dst).append(" via ").append(gw).append(" dev ").append(dev);
      case ONLINK -> sb.append(dst).append(" via ").append(gw).append(" dev ").append(dev)
          .append(" onlink");
      case SRC -> {
        int end = devEnd(node, r.dev());
        String src = end >= 0 && endAddr(end) != null ? endAddr(end) : gw;
        sb.append(dst).append(" via ").append(gw).append(" src ").append(src);
      }
      case BLACKHOLE -> sb.append("blackhole ").append(dst);
      case UNREACHABLE -> sb.append("unreachable ").append(dst);
      case PROHIBIT -> sb.append("prohibit ").append(dst);
      case THROW -> sb.append("throw ").append(dst);
    }
    int metric = Pools.METRICS.get(Math.floorMod(r.metric(), Pools.METRICS.size()));
    if (metric >= 0) {
      sb.append(" metric ").append(metric);
    }
    sb.append(Pools.TABLES.get(Math.floorMod(r.table(), Pools.TABLES.size())));
    out.add(ip(node, sb.toString()));
  }

  private void sysctl(Sysctl c) {
    int node = node(c.node());
    Pools.Key k = Pools.SYSCTLS.get(Math.floorMod(c.key(), Pools.SYSCTLS.size()));
    String key = k.key().replace("DEV", dev(node, c.dev()));
    int value = k.values().get(Math.floorMod(c.value(), k.values().size()));
    out.add(exec(node, "sysctl -w " + key + "=" + value));
  }

  private void ping(Ping p) {
    int node = node(p.node());
    String opts = switch (Math.floorMod(p.variant(), 9)) {
      case 5 -> " -I " + dev(node, p.dev());
      case 6 -> " -t 1";
      case 7 -> " -t 2";
      case 8 -> " -m 1";
      default -> "";
    };
    out.add(exec(node, PING + opts + " " + target(node, p.target())));
  }

  private void routeGet(RouteGet g) {
    int node = node(g.node());
    String t = target(node, g.target());
    String rest = switch (Math.floorMod(g.mode(), 8)) {
      case 3, 4 -> " from " + target(node, g.from()) + " iif " + dev(node, g.dev());
      case 5 -> " oif " + dev(node, g.dev());
      case 6 -> " mark 1";
      case 7 -> " from " + target(node, g.from()) + " iif " + dev(node, g.dev()) + " mark 1";
      default -> "";
    };
    out.add(ip(node, "route get " + t + rest));
  }
}
