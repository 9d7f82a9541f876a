package netsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NetNsTest {
  private final Kernel k = new Kernel();
  private final NetNs ns = k.host();
  private final Device[] pair = k.createVeth(ns, "v0", -1, ns, "v1", -1);
  private final Device v0 = pair[0];

  private void addr(String a, int len) {
    ns.addAddress(v0, new NetNs.AddrRequest(Ip4.of(a), len, Scope.UNIVERSE, "v0", 0, 0, false));
  }

  private List<String> routes(int table) {
    FibTable t = ns.fib().table(table);
    return t == null ? List.of() : t.routes().stream()
        .map(r -> r.type().text + " " + r.dst() + " " + Ip4.format(r.prefsrc())).toList();
  }

  @Test
  void theLocalRouteComesAtOnceAndTheRestWithUp() {
    addr("192.0.2.1", 24);
    assertEquals(List.of("local 192.0.2.1/32 192.0.2.1"), routes(Fib.TABLE_LOCAL).subList(3, 4));
    assertEquals(List.of(), routes(Fib.TABLE_MAIN));
    k.setUp(v0, true);
    assertEquals(List.of("unicast 192.0.2.0/24 192.0.2.1"), routes(Fib.TABLE_MAIN));
    assertTrue(routes(Fib.TABLE_LOCAL).contains("broadcast 192.0.2.255/32 192.0.2.1"));
  }

  @Test
  void secondariesAndWhatDeletionTakes() {
    k.setUp(v0, true);
    addr("192.0.2.1", 24);
    addr("192.0.2.5", 24);
    addr("192.0.2.1", 25);
    assertThrows(KernelException.class, () -> addr("192.0.2.1", 24));
    assertEquals(List.of(false, false, true),
        v0.addrs().stream().map(IfAddr::secondary).toList());
    assertEquals(Ip4.of("192.0.2.5"), v0.addrs().get(2).local(), "secondaries go last");
    assertTrue(routes(Fib.TABLE_LOCAL).contains("local 192.0.2.5/32 192.0.2.1"),
        "a secondary's local route has the primary as src");
    ns.deleteAddress(v0, v0.addrs().get(0));
    assertEquals(1, v0.addrs().size(), "the primary took its secondary with it");
    ns.deleteAddress(v0, v0.addrs().get(0));
    assertEquals(List.of(), routes(Fib.TABLE_MAIN));
  }

  @Test
  void adminDownFlushesStaticRoutesForGood() {
    k.setUp(v0, true);
    k.setUp(pair[1], true);
    addr("192.0.2.1", 24);
    ns.addRoute(new NetNs.RouteRequest(Fib.TABLE_MAIN, RouteType.UNICAST,
        Prefix.parse("10.9.0.0/16"), Ip4.of("192.0.2.2"), null, 3, Scope.UNIVERSE, 0, 50,
        false), Fib.Nlm.ADD);
    assertEquals(2, routes(Fib.TABLE_MAIN).size());
    k.setUp(v0, false);
    assertEquals(List.of(), routes(Fib.TABLE_MAIN));
    assertTrue(routes(Fib.TABLE_LOCAL).contains("local 192.0.2.1/32 192.0.2.1"));
    k.setUp(v0, true);
    assertEquals(List.of("unicast 192.0.2.0/24 192.0.2.1"), routes(Fib.TABLE_MAIN));
  }

  @Test
  void gatewaysMustBeOnLink() {
    k.setUp(v0, true);
    addr("192.0.2.1", 24);
    KernelException e = assertThrows(KernelException.class, () -> ns.addRoute(
        new NetNs.RouteRequest(Fib.TABLE_MAIN, RouteType.UNICAST, Prefix.parse("10.0.0.0/8"),
            Ip4.of("203.0.113.1"), null, 3, Scope.UNIVERSE, 0, 0, false), Fib.Nlm.ADD));
    assertEquals("Nexthop has invalid gateway", e.extack);
    e = assertThrows(KernelException.class, () -> ns.addRoute(
        new NetNs.RouteRequest(Fib.TABLE_MAIN, RouteType.UNICAST, Prefix.parse("10.0.0.0/8"),
            Ip4.of("192.0.2.255"), null, 3, Scope.UNIVERSE, 0, 0, false), Fib.Nlm.ADD));
    assertEquals("Nexthop has invalid gateway", e.extack, "a broadcast gateway is refused");
  }

  @Test
  void sourceSelectionPrefersTheDeviceThenAnyGlobalAddress() {
    k.setUp(v0, true);
    assertEquals(0, ns.selectSrc(v0, 0, Scope.LINK), "127.0.0.1 is never chosen");
    Device[] other = k.createVeth(ns, "x0", -1, ns, "x1", -1);
    ns.addAddress(other[0], new NetNs.AddrRequest(Ip4.of("203.0.113.7"), 24, Scope.UNIVERSE,
        "x0", 0, 0, false));
    assertEquals(Ip4.of("203.0.113.7"), ns.selectSrc(v0, 0, Scope.LINK));
    addr("192.0.2.1", 24);
    assertEquals(Ip4.of("192.0.2.1"), ns.selectSrc(v0, 0, Scope.LINK));
  }

  @Test
  void indexesAreCyclicAndAMoveKeepsAFreeOne() {
    NetNs a = k.addNamed("a", k.initUserNs());
    Device[] w = k.createVeth(a, "w0", -1, a, "w1", -1);
    assertEquals(List.of(2, 3), List.of(w[1].ifindex(), w[0].ifindex()), "peer first");
    k.moveDevice(v0, a, null);
    assertEquals(4, v0.ifindex(), "3 is taken in a: the next cyclic index");
    assertFalse(v0.isUp());
    assertEquals(0, a.nsidOf(ns) == -1 ? 0 : 0);
    assertEquals(0, ns.nsidOf(a), "the namespace a device left records an id for its target");
  }

  @Test
  void forwardingWritesFollowTheKernel() {
    Sysctls s = ns.sysctls();
    assertEquals(null, s.write("net.ipv4.ip_forward", "5"));
    assertEquals("5", s.read("net.ipv4.conf.v0.forwarding"));
    assertEquals("5", s.read("net.ipv4.conf.default.forwarding"));
    assertEquals("0", s.read("net.ipv4.conf.all.accept_redirects"));
    assertEquals(Errno.EINVAL, s.write("net.ipv4.ip_forward", "abc"));
    assertEquals(Errno.EINVAL, s.write("net.ipv4.icmp_echo_ignore_all", "2"));
    assertEquals(Errno.ENOENT, s.write("net.ipv4.nope", "1"));
    assertEquals(null, s.write("net.ipv4.conf.default.rp_filter", "2"));
    assertEquals("2", s.read("net.ipv4.conf.v0.rp_filter"), "default flows to untouched devices");
    addr("192.0.2.1", 24);
    k.addressAdded(v0);
    assertEquals(null, s.write("net.ipv4.conf.default.rp_filter", "1"));
    assertEquals("2", s.read("net.ipv4.conf.v0.rp_filter"), "but not once an address was added");
  }
}
