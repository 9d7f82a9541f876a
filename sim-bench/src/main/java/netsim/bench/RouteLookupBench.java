package netsim.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import netsim.model.Device;
import netsim.model.Fib;
import netsim.model.FibResult;
import netsim.model.Flow;
import netsim.model.Ip4;
import netsim.model.Kernel;
import netsim.model.NetNs;
import netsim.model.Prefix;
import netsim.model.RouteType;
import netsim.model.Scope;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Longest-prefix match through the rules, in a table of {@code routes} /24s (plus a default
 * route), for random destinations: about one in eight hits a /24.
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class RouteLookupBench {

  @Param({"1000", "1000000"})
  int routes;

  NetNs ns;
  int[] dests;
  int i;

  @Setup
  public void setup() {
    Kernel k = new Kernel();
    ns = k.host();
    Device[] d = k.createVeth(ns, "v0", -1, ns, "v1", -1);
    k.setUp(d[0], true);
    k.setUp(d[1], true);
    ns.addAddress(d[0], new NetNs.AddrRequest(Ip4.of("192.0.2.1"), 24, Scope.UNIVERSE, "v0", 0,
        0, false));
    int gw = Ip4.of("192.0.2.2");
    ns.addRoute(new NetNs.RouteRequest(Fib.TABLE_MAIN, RouteType.UNICAST, Prefix.DEFAULT, gw,
        null, 3, Scope.UNIVERSE, 0, 0, false), Fib.Nlm.ADD);
    for (int r = 0; r < routes; r++) {
      ns.addRoute(new NetNs.RouteRequest(Fib.TABLE_MAIN, RouteType.UNICAST,
          new Prefix((11 << 24) + (r << 8), 24), gw, null, 3, Scope.UNIVERSE, 0, 0, false),
          Fib.Nlm.ADD);
    }
    SplittableRandom rnd = new SplittableRandom(1);
    dests = new int[1 << 16];
    for (int j = 0; j < dests.length; j++) {
      dests[j] = rnd.nextInt();
    }
  }

  @Benchmark
  public FibResult lookup() {
    int d = dests[i++ & (dests.length - 1)];
    return ns.fib().lookup(Flow.output(d, 0, null, 0), false);
  }
}
