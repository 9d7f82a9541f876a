package netsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class FibTest {

  private final Kernel k = new Kernel();
  private final NetNs ns = k.host();

  private Device dev(String name) {
    Device[] p = k.createVeth(ns, name, -1, ns, name + "p", -1);
    k.setUp(p[0], true);
    k.setUp(p[1], true);
    return p[0];
  }

  private Route route(String dst, int metric, Device d) {
    return new Route(Fib.TABLE_MAIN, RouteType.UNICAST, Prefix.parse(dst).normalized(), 0, d,
        Route.PROTO_BOOT, Scope.LINK, 0, metric, 0, false);
  }

  @Test
  void aliasesInsertLikeTheKernel() {
    Device a = dev("a");
    Device b = dev("b");
    Fib fib = ns.fib();
    fib.insert(route("10.7.0.0/16", 5, a), Fib.Nlm.ADD);
    assertThrows(KernelException.class, () -> fib.insert(route("10.7.0.0/16", 5, b),
        Fib.Nlm.ADD), "same prefix and metric: EEXIST");
    fib.insert(route("10.7.0.0/16", 5, b), Fib.Nlm.APPEND);
    fib.insert(route("10.7.0.0/16", 2, b), Fib.Nlm.ADD);
    fib.insert(route("10.7.0.0/16", 5, b.peer()), Fib.Nlm.PREPEND);
    List<Route> l = fib.table(Fib.TABLE_MAIN).leaf(Prefix.parse("10.7.0.0/16"));
    assertEquals(List.of(2, 5, 5, 5), l.stream().map(Route::metric).toList());
    assertEquals(List.of(b, b.peer(), a, b), l.stream().map(Route::dev).toList());
    KernelException e = assertThrows(KernelException.class,
        () -> fib.insert(route("10.8.0.0/16", 0, a), Fib.Nlm.CHANGE));
    assertEquals(Errno.ENOENT, e.errno);
    assertThrows(KernelException.class, () -> fib.insert(route("10.7.0.0/16", 5, a),
        Fib.Nlm.REPLACE), "replace refuses an exact copy of a later alias");
    Device c = dev("c");
    fib.insert(route("10.7.0.0/16", 5, c), Fib.Nlm.REPLACE);
    assertEquals(c, fib.table(Fib.TABLE_MAIN).leaf(Prefix.parse("10.7.0.0/16")).get(1).dev(),
        "replace takes the first alias of the metric");
  }

  @Test
  void lookupTakesTheLongestPrefixThenTheLowestMetric() {
    Device a = dev("a");
    Device b = dev("b");
    Fib fib = ns.fib();
    fib.insert(route("0.0.0.0/0", 0, a), Fib.Nlm.ADD);
    fib.insert(route("10.0.0.0/8", 10, a), Fib.Nlm.ADD);
    fib.insert(route("10.0.0.0/8", 5, b), Fib.Nlm.ADD);
    fib.insert(route("10.1.0.0/16", 0, a), Fib.Nlm.ADD);
    FibTable t = fib.table(Fib.TABLE_MAIN);
    assertEquals(b, t.lookup(Ip4.of("10.2.3.4"), null, 0, false).dev());
    assertEquals(a, t.lookup(Ip4.of("10.1.3.4"), null, 0, false).dev());
    assertEquals(Prefix.DEFAULT, t.lookup(Ip4.of("11.0.0.1"), null, 0, false).dst());
    assertEquals(a, t.lookup(Ip4.of("10.2.3.4"), a, 0, false).dev(), "an oif skips others");
  }

  @Test
  void rulesDecideTheTableAndThrowGoesOn() {
    Device a = dev("a");
    ns.addAddress(a, new NetNs.AddrRequest(Ip4.of("192.0.2.1"), 24, Scope.UNIVERSE, "a", 0, 0,
        false));
    ns.fib().insert(new Route(100, RouteType.THROW, Prefix.parse("10.0.0.0/8"), 0, null, 3,
        Scope.UNIVERSE, 0, 0, 0, false), Fib.Nlm.ADD);
    ns.fib().insert(route("10.0.0.0/8", 0, a), Fib.Nlm.ADD);
    ns.addRule(new FibRule(100, false, null, null, null, null, 0, 0, 0,
        FibRule.Action.TO_TBL, 100, -1, 0), true);
    FibResult r = ns.fib().lookup(Flow.output(Ip4.of("10.1.1.1"), 0, null, 0), false);
    assertNull(r.error());
    assertEquals(Fib.TABLE_MAIN, r.route().table(), "throw in 100 falls through to main");
    assertTrue(ns.customRules());
  }

  /** A route drawn from a small pool, so prefixes overlap and collide. */
  record R(int addr, int len, int metric) {}

  @Provide
  Arbitrary<List<R>> routes() {
    Arbitrary<Integer> addr = Arbitraries.integers().between(0, 63)
        .map(x -> (10 << 24) | (x << 18));
    Arbitrary<R> r = Combinators.combine(addr, Arbitraries.integers().between(6, 24),
        Arbitraries.integers().between(0, 3)).as(R::new);
    return r.list().ofMaxSize(40);
  }

  @Provide
  Arbitrary<List<Integer>> dests() {
    return Arbitraries.integers().between(0, 1 << 24).map(x -> (10 << 24) | x).list()
        .ofMinSize(1).ofMaxSize(30);
  }

  /** The longest-prefix match equals a brute-force scan over every route. */
  @Property(tries = 300)
  void lookupEqualsABruteForceOracle(@ForAll("routes") List<R> rs,
      @ForAll("dests") List<Integer> ds) {
    Kernel kk = new Kernel();
    NetNs n = kk.host();
    Device[] p = kk.createVeth(n, "v", -1, n, "w", -1);
    kk.setUp(p[0], true);
    kk.setUp(p[1], true);
    List<Route> added = new ArrayList<>();
    for (R r : rs) {
      Route route = new Route(Fib.TABLE_MAIN, RouteType.UNICAST,
          new Prefix(r.addr(), r.len()).normalized(), 0, p[0], 3, Scope.LINK, 0, r.metric(), 0,
          false);
      try {
        n.fib().insert(route, Fib.Nlm.ADD);
        added.add(route);
      } catch (KernelException e) {
        // same prefix and metric twice: refused, as the kernel does
      }
    }
    FibTable t = n.fib().table(Fib.TABLE_MAIN);
    for (int d : ds) {
      Route got = t.lookup(d, null, 0, false);
      Route want = added.stream().filter(r -> r.dst().contains(d))
          .max(Comparator.<Route>comparingInt(r -> r.dst().len())
              .thenComparing(r -> -r.metric()))
          .orElse(null);
      assertEquals(want, got, () -> "lookup of " + Ip4.format(d));
    }
    assertEquals(added.size(), t.size());
  }

  /**
   * The same after removing routes (as a link going down does, through {@code removeIf}): the
   * index must lose exactly the prefixes that went. The differential fuzzer found that removing
   * a leaf could drop its successor's prefix from the index.
   */
  @Property(tries = 300)
  void lookupEqualsABruteForceOracleAfterRemovals(@ForAll("routes") List<R> rs,
      @ForAll("dests") List<Integer> ds, @ForAll("metrics") int gone) {
    Kernel kk = new Kernel();
    NetNs n = kk.host();
    Device[] p = kk.createVeth(n, "v", -1, n, "w", -1);
    kk.setUp(p[0], true);
    kk.setUp(p[1], true);
    List<Route> added = new ArrayList<>();
    for (R r : rs) {
      Route route = new Route(Fib.TABLE_MAIN, RouteType.UNICAST,
          new Prefix(r.addr(), r.len()).normalized(), 0, p[0], 3, Scope.LINK, 0, r.metric(), 0,
          false);
      try {
        n.fib().insert(route, Fib.Nlm.ADD);
        added.add(route);
      } catch (KernelException e) {
        // same prefix and metric twice: refused, as the kernel does
      }
    }
    n.fib().removeIf(r -> r.metric() == gone);
    added.removeIf(r -> r.metric() == gone);
    FibTable t = n.fib().table(Fib.TABLE_MAIN);
    for (int d : ds) {
      Route got = t.lookup(d, null, 0, false);
      Route want = added.stream().filter(r -> r.dst().contains(d))
          .max(Comparator.<Route>comparingInt(r -> r.dst().len())
              .thenComparing(r -> -r.metric()))
          .orElse(null);
      assertEquals(want, got, () -> "lookup of " + Ip4.format(d));
    }
  }

  @Provide
  Arbitrary<Integer> metrics() {
    return Arbitraries.integers().between(0, 3);
  }
}
