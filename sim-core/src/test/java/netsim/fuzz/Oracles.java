package netsim.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netsim.engine.Journey;
import netsim.engine.Packet;
import netsim.engine.Step;
import netsim.model.Device;
import netsim.model.FibResult;
import netsim.model.FibRule;
import netsim.model.FibTable;
import netsim.model.Flow;
import netsim.model.IfAddr;
import netsim.model.Ip4;
import netsim.model.NetNs;
import netsim.model.Prefix;
import netsim.model.Route;
import netsim.model.RouteType;
import netsim.run.LineResult;
import netsim.script.Script;
import netsim.script.ScriptLine;
import netsim.script.ScriptParser;
import netsim.sim.Prober;
import netsim.sim.Simulator;

/**
 * Invariants of the simulator that need no kernel, checked on the world a generated script
 * leaves behind. Each check returns what it found wrong, as sentences; empty means it holds.
 *
 * <ul>
 *   <li>{@link #deterministic}: the same script prints the same bytes twice.
 *   <li>{@link #lookupMatchesBruteForce}: every route lookup (the model's indexed one, and what
 *       {@code ip route get} prints) equals a brute-force longest-prefix match over all routes
 *       of the tables the rules name.
 *   <li>{@link #probesConsistent}: a probe's packets tell the same story as its verdict: OK
 *       exactly when an echo reply reached the ping, one lost step per lost packet, hops that
 *       change namespace only by crossing a link, the counts ping prints.
 * </ul>
 */
public final class Oracles {

  private Oracles() {}

  /** Runs the script twice in fresh simulators; the results must be identical, byte for byte. */
  public static List<String> deterministic(Simulator sim, Script script) {
    List<LineResult> a = sim.run(script);
    List<LineResult> b = sim.run(script);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).equals(b.get(i))) {
        out.add("line " + a.get(i).line() + " (" + a.get(i).command() + ") printed differently"
            + " the second time:\n" + a.get(i) + "\n" + b.get(i));
      }
    }
    return out;
  }

  /** Every namespace of a world: the host, then the named ones. */
  static List<NetNs> namespaces(Simulator.Session s) {
    List<NetNs> out = new ArrayList<>();
    out.add(s.kernel().host());
    for (String n : s.kernel().namedList()) {
      out.add(s.kernel().named(n));
    }
    return out;
  }

  /** The destinations worth asking about: every pool address, prefix edge and special one. */
  static List<Integer> destinations(NetNs ns) {
    Set<Integer> d = new LinkedHashSet<>();
    for (int s = 0; s < Pools.SUBNETS.size(); s++) {
      for (int h = 0; h < Pools.HOSTS.size(); h++) {
        d.add(Pools.address(s, h));
      }
      d.add(Pools.broadcast(s));
    }
    for (Prefix p : Pools.PREFIXES) {
      d.add(p.network());
      d.add(p.last());
      d.add(p.last() + 1);
      d.add(p.network() - 1);
    }
    for (String s : Pools.SPECIAL) {
      d.add(Ip4.of(s));
    }
    for (Device dev : ns.devices()) {
      for (IfAddr a : dev.addrs()) {
        d.add(a.local());
      }
    }
    return new ArrayList<>(d);
  }

  /**
   * The lookup {@code fib_lookup} must make, by brute force: the rules in order; for a lookup
   * rule, every route of its table whose prefix holds the destination, longest prefix first, in
   * alias order, skipping routes of a narrower scope and dead ones; a reject route ends it,
   * {@code throw} or nothing goes on to the next rule.
   */
  static FibResult bruteForce(NetNs ns, Flow f) {
    for (FibRule rule : ns.fib().rules()) {
      if (!rule.matches(f)) {
        continue;
      }
      switch (rule.action()) {
        case NOP, GOTO -> {
          continue;
        }
        case BLACKHOLE, UNREACHABLE, PROHIBIT -> {
          return FibResult.error(rule.action().error, rule);
        }
        default -> { }
      }
      FibTable t = ns.fib().table(rule.table());
      if (t == null) {
        continue;
      }
      Route found = null;
      for (int len = 32; len >= 0 && found == null; len--) {
        for (Route r : t.routes()) {
          if (r.dst().len() != len || !r.dst().contains(f.dst())
              || r.scope().value < f.scope().value) {
            continue;
          }
          if (r.type().error != null || r.type() == RouteType.THROW) {
            found = r;
            break;
          }
          if (r.dead() || (f.oif() != null && r.dev() != f.oif())) {
            continue;
          }
          found = r;
          break;
        }
      }
      if (found == null || found.type() == RouteType.THROW) {
        continue;
      }
      if (rule.suppressPrefixLen() >= 0 && found.dst().len() <= rule.suppressPrefixLen()) {
        continue;
      }
      return new FibResult(found, rule, found.type().error);
    }
    return FibResult.error(netsim.model.Errno.ENETUNREACH, null);
  }

  private static final Pattern GET = Pattern.compile(
      "^(?:(\\w+) )?(\\S+)(?: via (\\S+))?(?: dev (\\S+))?");

  /**
   * For every namespace and destination: the model's lookup equals the brute-force one, and
   * {@code ip route get} prints that route's type, gateway and device (or fails with its error).
   */
  public static List<String> lookupMatchesBruteForce(Simulator.Session s) {
    List<String> out = new ArrayList<>();
    for (NetNs ns : namespaces(s)) {
      for (int d : destinations(ns)) {
        Flow f = Flow.output(d, 0, null, 0);
        FibResult got = ns.fib().lookup(f, false);
        FibResult want = bruteForce(ns, f);
        if (got.route() != want.route() || got.error() != want.error()) {
          out.add("[" + ns.displayName() + "] lookup of " + Ip4.format(d) + ": the model found "
              + describe(got) + ", a brute-force scan " + describe(want));
          continue;
        }
        if (d == 0 || d == Ip4.BROADCAST) {
          continue; // ip route get answers these without a lookup (local 0.0.0.0, broadcast)
        }
        String get = routeGet(s, ns, d);
        String problem = getAgrees(get, want, d);
        if (problem != null) {
          out.add("[" + ns.displayName() + "] ip route get " + Ip4.format(d) + " printed `"
              + get.strip() + "`, but the lookup found " + describe(want) + ": " + problem);
        }
      }
    }
    return out;
  }

  private static String describe(FibResult r) {
    if (r.route() == null) {
      return "no route (" + r.error() + ")";
    }
    Route x = r.route();
    return x.type().text + " " + x.dst() + (x.hasGateway() ? " via " + Ip4.format(x.gateway())
        : "") + (x.dev() != null ? " dev " + x.dev().name() : "") + " metric " + x.metric()
        + " table " + x.table() + (r.error() != null ? " (" + r.error() + ")" : "");
  }

  /** Runs {@code ip route get D} in the namespace; stdout, or "! " and stderr on failure. */
  private static String routeGet(Simulator.Session s, NetNs ns, int d) {
    String cmd = ns == s.kernel().host() ? "ip route get " + Ip4.format(d)
        : "ip -n " + ns.displayName() + " route get " + Ip4.format(d);
    ScriptLine l = ScriptParser.parse("oracle.sh", cmd).lines().get(0);
    LineResult r = s.runLine(l);
    return r.status() == 0 ? r.stdout() : "! " + r.stderr();
  }

  /** Null when what {@code ip route get} printed is the route the lookup found. */
  private static String getAgrees(String get, FibResult want, int d) {
    if (want.route() == null || want.error() != null) {
      return get.startsWith("! ") ? null : "it succeeded";
    }
    if (get.startsWith("! ")) {
      // the route exists, but no source address could be chosen, or the like
      return get.contains("Network is unreachable") || get.contains("Invalid argument")
          || get.contains("No route to host") || get.contains("Permission denied")
          ? "it failed as if there were no route" : null;
    }
    Route r = want.route();
    Matcher m = GET.matcher(get);
    if (!m.find()) {
      return "unreadable";
    }
    String type = m.group(1) == null ? "unicast" : m.group(1);
    if (!type.equals(r.type().text) && !(r.type() == RouteType.UNICAST
        && type.equals("unicast"))) {
      return "type " + type;
    }
    if (!m.group(2).equals(Ip4.format(d))) {
      return "destination " + m.group(2);
    }
    // a gateway reached as a local address is no gateway (nexthop scope host): none is shown
    String via = r.nextHop() != 0 ? Ip4.format(r.nextHop()) : null;
    if (r.type() == RouteType.UNICAST && !java.util.Objects.equals(via, m.group(3))) {
      return "gateway " + m.group(3);
    }
    String dev = r.type() == RouteType.UNICAST ? r.dev().name() : null;
    if (dev != null && !dev.equals(m.group(4))) {
      return "device " + m.group(4);
    }
    return null;
  }

  private static final Pattern RECEIVED = Pattern.compile(
      "(\\d+) packets transmitted, (\\d+) received(?:, \\+(\\d+) errors)?");

  /**
   * Pings from every namespace to every address of every namespace (up to {@code limit} probes),
   * checking each probe's packets against its verdict.
   */
  public static List<String> probesConsistent(Simulator.Session s, int limit) {
    Prober prober = new Prober(s);
    List<String> out = new ArrayList<>();
    int done = 0;
    for (String from : prober.defaultSources()) {
      for (String to : prober.defaultTargets()) {
        if (done++ >= limit) {
          return out;
        }
        Prober.Probe p = prober.probe(from, to);
        String why = consistent(p);
        if (why != null) {
          out.add("probe " + from + " -> " + to + " (status " + p.status() + "): " + why
              + "\n" + p.stdout() + p.stderr() + journeys(p));
        }
      }
    }
    return out;
  }

  private static String journeys(Prober.Probe p) {
    StringBuilder sb = new StringBuilder();
    for (Journey j : p.journeys()) {
      sb.append(j.label()).append(" (").append(j.fate()).append(")\n");
      for (Step st : j.steps()) {
        sb.append("    ").append(st).append('\n');
      }
    }
    return sb.toString();
  }

  /** Null when the probe's steps agree with its verdict; otherwise what does not. */
  static String consistent(Prober.Probe p) {
    if (p.status() < 0 || p.status() > 2) {
      return "ping exited " + p.status();
    }
    int replies = 0;
    int errors = 0;
    long last = -1;
    for (Journey j : p.journeys()) {
      last = Math.max(last, j.endedAt());
    }
    List<Journey> arrived = new ArrayList<>();
    for (Journey j : p.journeys()) {
      String why = journeyConsistent(j);
      if (why != null) {
        return j.label() + ": " + why;
      }
      if (j.fate() == Journey.Fate.RECEIVED) {
        if (j.packet().icmpType() == Packet.ECHO_REPLY) {
          replies++;
        } else if (j.packet().isIcmpError()) {
          errors++;
        }
        arrived.add(j);
      }
    }
    if (p.status() == 0 && replies == 0) {
      return "status 0 but no echo reply reached the ping";
    }
    if (p.ok() != (p.status() == 0)) {
      return "verdict " + p.ok() + " with status " + p.status();
    }
    if (p.status() == 2) {
      if (p.journeys().stream().anyMatch(j -> j.fate() != Journey.Fate.DROPPED)) {
        return "ping failed locally, yet a packet went out";
      }
      return null;
    }
    Matcher m = RECEIVED.matcher(p.stdout());
    if (!m.find()) {
      return "no statistics line";
    }
    int saidReplies = Integer.parseInt(m.group(2));
    int saidErrors = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    if (saidReplies > replies || saidErrors > errors) {
      return "ping says " + saidReplies + " received and " + saidErrors + " errors, but "
          + replies + " replies and " + errors + " ICMP errors reached it";
    }
    // what reached the socket but was not counted came at the instant ping gave up
    int unread = replies - saidReplies + errors - saidErrors;
    final long end = last;
    long atTheEnd = arrived.stream().filter(j -> j.endedAt() == end).count();
    if (unread > atTheEnd) {
      return unread + " answers reached the ping before it ended but were not counted";
    }
    return null;
  }

  /** A packet's own way: one lost step exactly when dropped, hops only across links. */
  static String journeyConsistent(Journey j) {
    List<Step> steps = j.steps();
    int lost = 0;
    int lostAt = -1;
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).lost()) {
        lost++;
        lostAt = i;
      }
    }
    switch (j.fate()) {
      case DROPPED -> {
        if (lost != 1) {
          return "dropped with " + lost + " lost steps";
        }
        for (Step s : steps.subList(lostAt + 1, steps.size())) {
          if (s.kind() != Step.Kind.ICMP) {
            return "a step after the one that lost it: " + s;
          }
        }
      }
      case DELIVERED, RECEIVED -> {
        if (lost != 0) {
          return j.fate() + " yet lost at " + steps.get(lostAt);
        }
        if (steps.isEmpty() || steps.get(steps.size() - 1).kind() != Step.Kind.DELIVER) {
          return j.fate() + " but the last step is not a delivery";
        }
      }
      case IN_FLIGHT -> {
        if (lost != 0) {
          return "in flight yet lost at " + steps.get(lostAt);
        }
      }
    }
    if (!steps.isEmpty() && steps.get(0).kind() != Step.Kind.SEND) {
      return "it does not start with a send: " + steps.get(0);
    }
    for (int i = 1; i < steps.size(); i++) {
      Step a = steps.get(i - 1);
      Step b = steps.get(i);
      // a frame crosses a link (transmit), maybe bridges in other namespaces, then is received
      if (!a.ns().equals(b.ns()) && !((a.kind() == Step.Kind.TRANSMIT
          || a.kind() == Step.Kind.BRIDGE)
          && (b.kind() == Step.Kind.RECEIVE || b.kind() == Step.Kind.BRIDGE))) {
        return "it moves from " + a.ns() + " to " + b.ns() + " without crossing a link: " + a
            + " / " + b;
      }
    }
    return null;
  }

  /** All invariants on one script: nothing found means they hold. */
  public static List<String> all(Simulator sim, Script script, int probeLimit) {
    List<String> out = new ArrayList<>(deterministic(sim, script));
    Simulator.Session s = sim.newSession();
    s.runAll(script);
    out.addAll(lookupMatchesBruteForce(s));
    out.addAll(probesConsistent(s, probeLimit));
    return out;
  }
}
