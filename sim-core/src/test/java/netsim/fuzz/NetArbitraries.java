package netsim.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import netsim.fuzz.NetSpec.Addr;
import netsim.fuzz.NetSpec.BridgeAdd;
import netsim.fuzz.NetSpec.Enslave;
import netsim.fuzz.NetSpec.Filter;
import netsim.fuzz.NetSpec.Dump;
import netsim.fuzz.NetSpec.Link;
import netsim.fuzz.NetSpec.Ping;
import netsim.fuzz.NetSpec.Route;
import netsim.fuzz.NetSpec.RouteGet;
import netsim.fuzz.NetSpec.RouteKind;
import netsim.fuzz.NetSpec.Rule;
import netsim.fuzz.NetSpec.SetLink;
import netsim.fuzz.NetSpec.SetLo;
import netsim.fuzz.NetSpec.Step;
import netsim.fuzz.NetSpec.Sysctl;
import netsim.fuzz.NetSpec.Target;
import netsim.fuzz.NetSpec.Verb;

/**
 * jqwik arbitraries for whole scenarios ({@link NetSpec}): 2 to 12 namespaces, veth pairs
 * between them, addresses from small pools, routes of every type in several tables, policy
 * rules, bridges and their ports, iptables filter and nat rules, sysctls, links set down, then
 * pings and {@code ip route get} between random namespaces and addresses, and dumps.
 *
 * <p>Every value shrinks towards a simpler network: fewer namespaces, links and steps, and
 * smaller indexes (the first subnet, the first device, a plain ping). The weights favour
 * networks where things work (an address on both ends of a link, routes via a neighbour,
 * forwarding on), so that probes cross several hops, and leave room for every error path.
 */
public final class NetArbitraries {

  private NetArbitraries() {}

  /** How many probes a scenario has at most; each unanswered ping costs the kernel a second. */
  public static final int MAX_PROBES = 14;

  /** A whole scenario. */
  public static Arbitrary<NetSpec> scenarios() {
    Arbitrary<Integer> nodes = Arbitraries.integers().between(2, 12)
        .withDistribution(net.jqwik.api.RandomDistribution.biased());
    return Combinators.combine(nodes, Arbitraries.of(false, false, true),
        Arbitraries.of(true, true, false), links(), config(), probes()).as(NetSpec::new);
  }

  static Arbitrary<Integer> index() {
    return Arbitraries.integers().between(0, 1000);
  }

  static Arbitrary<java.util.List<Link>> links() {
    Arbitrary<Integer> subnet = Arbitraries.frequencyOf(
        Tuple.of(12, Arbitraries.integers().between(0, Pools.SUBNETS.size() - 1)),
        Tuple.of(1, Arbitraries.just(Pools.SUBNETS.size())));
    Arbitrary<Integer> host = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.integers().between(0, 4)),
        Tuple.of(1, Arbitraries.integers().between(0, Pools.HOSTS.size() - 1)));
    Arbitrary<Boolean> down = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just(false)),
        Tuple.of(1, Arbitraries.just(true)));
    Arbitrary<Link> link = Combinators.combine(index(), index(), subnet, host, host, down, down)
        .as(Link::new);
    return link.list().ofMinSize(1).ofMaxSize(16);
  }

  static Arbitrary<Target> target() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Combinators.combine(index(), index())
            .as((i, j) -> new Target(Target.Kind.END, i, j))),
        Tuple.of(4, Combinators.combine(index(), index())
            .as((i, j) -> new Target(Target.Kind.PEER, i, j))),
        Tuple.of(2, Combinators.combine(index(), index())
            .as((i, j) -> new Target(Target.Kind.POOL, i, j))),
        Tuple.of(1, index().map(i -> new Target(Target.Kind.BROADCAST, i, 0))),
        Tuple.of(1, index().map(i -> new Target(Target.Kind.SPECIAL, i, 0))));
  }

  /** Gateways: mostly the neighbour at the other end of one of the namespace's links. */
  static Arbitrary<Target> gateway() {
    return Arbitraries.frequencyOf(
        Tuple.of(8, Combinators.combine(index(), index())
            .as((i, j) -> new Target(Target.Kind.PEER, i, j))),
        Tuple.of(2, Combinators.combine(index(), index())
            .as((i, j) -> new Target(Target.Kind.END, i, j))),
        Tuple.of(1, Combinators.combine(index(), index())
            .as((i, j) -> new Target(Target.Kind.POOL, i, j))));
  }

  static Arbitrary<Step> route() {
    Arbitrary<Verb> verb = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just(Verb.ADD)),
        Tuple.of(1, Arbitraries.just(Verb.REPLACE)), Tuple.of(1, Arbitraries.just(Verb.APPEND)),
        Tuple.of(1, Arbitraries.just(Verb.DEL)));
    Arbitrary<RouteKind> kind = Arbitraries.frequencyOf(
        Tuple.of(10, Arbitraries.just(RouteKind.VIA)),
        Tuple.of(3, Arbitraries.just(RouteKind.DEV)),
        Tuple.of(3, Arbitraries.just(RouteKind.VIA_DEV)),
        Tuple.of(1, Arbitraries.just(RouteKind.ONLINK)),
        Tuple.of(1, Arbitraries.just(RouteKind.SRC)),
        Tuple.of(1, Arbitraries.just(RouteKind.BLACKHOLE)),
        Tuple.of(1, Arbitraries.just(RouteKind.UNREACHABLE)),
        Tuple.of(1, Arbitraries.just(RouteKind.PROHIBIT)),
        Tuple.of(1, Arbitraries.just(RouteKind.THROW)));
    Arbitrary<Integer> dst = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.just(0)),
        Tuple.of(6, Arbitraries.integers().between(0, Pools.PREFIXES.size() - 1)));
    Arbitrary<Integer> metric = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(0)),
        Tuple.of(2, Arbitraries.integers().between(0, Pools.METRICS.size() - 1)));
    Arbitrary<Integer> table = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(0)),
        Tuple.of(3, Arbitraries.just(1)), Tuple.of(1, Arbitraries.just(2)));
    return Combinators.combine(index(), verb, dst, kind, gateway(), index(), metric, table)
        .as(Route::new);
  }

  static Arbitrary<Step> sysctl() {
    Arbitrary<Integer> key = Arbitraries.frequencyOf(Tuple.of(10, Arbitraries.just(0)),
        Tuple.of(4, Arbitraries.integers().between(0, Pools.SYSCTLS.size() - 1)));
    Arbitrary<Integer> value = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(0)),
        Tuple.of(1, Arbitraries.integers().between(0, 2)));
    return Combinators.combine(index(), key, index(), value).as(Sysctl::new);
  }

  static Arbitrary<java.util.List<Step>> config() {
    Arbitrary<Integer> subnet = Arbitraries.integers().between(0, Pools.SUBNETS.size() - 1);
    Arbitrary<Integer> host = Arbitraries.integers().between(0, Pools.HOSTS.size() - 1);
    Arbitrary<Step> addr = Combinators.combine(index(), subnet, host,
        Arbitraries.of(false, false, false, true)).as(Addr::new);
    Arbitrary<Step> link = Combinators.combine(index(), Arbitraries.of(false, false, true))
        .as(SetLink::new);
    Arbitrary<Step> lo = Combinators.combine(index(), Arbitraries.of(false, true))
        .as(SetLo::new);
    Arbitrary<Step> rule = Combinators.combine(index(), index(), index(), index(), index(),
        Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(false)),
            Tuple.of(1, Arbitraries.just(true)))).as(Rule::new);
    Arbitrary<Integer> bridgeSubnet = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.integers().between(0, Pools.SUBNETS.size() - 1)),
        Tuple.of(1, Arbitraries.just(Pools.SUBNETS.size())));
    Arbitrary<Step> bridge = Combinators.combine(index(), bridgeSubnet, host)
        .as(BridgeAdd::new);
    Arbitrary<Step> enslave = Combinators.combine(index(), index()).as(Enslave::new);
    Arbitrary<Step> filter = Combinators.combine(index(), index(), index(), index(), index())
        .as(Filter::new);
    Arbitrary<Step> step = Arbitraries.frequencyOf(
        Tuple.of(12, route()),
        Tuple.of(6, sysctl()),
        Tuple.of(3, addr),
        Tuple.of(2, link),
        Tuple.of(1, lo),
        Tuple.of(3, rule),
        Tuple.of(2, bridge),
        Tuple.of(3, enslave),
        Tuple.of(2, filter));
    return step.list().ofMaxSize(30);
  }

  static Arbitrary<java.util.List<Step>> probes() {
    Arbitrary<Step> ping = Combinators.combine(index(), target(), index(), index())
        .as(Ping::new);
    Arbitrary<Step> get = Combinators.combine(index(), target(), index(), target(), index())
        .as(RouteGet::new);
    Arbitrary<Step> dump = Combinators.combine(index(), index()).as(Dump::new);
    Arbitrary<Step> probe = Arbitraries.frequencyOf(Tuple.of(6, ping), Tuple.of(5, get),
        Tuple.of(2, dump));
    return probe.list().ofMinSize(1).ofMaxSize(MAX_PROBES);
  }
}
