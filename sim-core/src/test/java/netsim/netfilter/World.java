package netsim.netfilter;

import netsim.model.Device;
import netsim.model.Ip4;
import netsim.model.Kernel;
import netsim.model.NetNs;
import netsim.model.Scope;

/**
 * A small world for driving hooks by hand: the doc's reference topology, h1 -- r -- h2, with r1
 * 10.0.1.1/24, h1e 10.0.1.2/24, r2 10.0.2.1/24 (and 198.51.100.1/24 as a second address),
 * h2e 10.0.2.2/24. Only r's netfilter is exercised; the devices give the hooks their in and out.
 */
final class World {
  final Kernel kernel = new Kernel();
  final NetNs r = kernel.addNamed("r", kernel.initUserNs());
  final NetNs h1 = kernel.addNamed("h1", kernel.initUserNs());
  final NetNs h2 = kernel.addNamed("h2", kernel.initUserNs());
  final Device r1;
  final Device r2;
  final Netfilter nf;

  static final int H1 = Ip4.of("10.0.1.2");
  static final int R1 = Ip4.of("10.0.1.1");
  static final int R2 = Ip4.of("10.0.2.1");
  static final int H2 = Ip4.of("10.0.2.2");
  static final int R2B = Ip4.of("198.51.100.1");

  World() {
    Device[] a = kernel.createVeth(r, "r1", -1, h1, "h1e", -1);
    Device[] b = kernel.createVeth(r, "r2", -1, h2, "h2e", -1);
    r1 = a[0];
    r2 = b[0];
    addr(r1, "10.0.1.1", 24);
    addr(r2, "10.0.2.1", 24);
    addr(r2, "198.51.100.1", 24);
    for (Device d : new Device[] {a[0], a[1], b[0], b[1]}) {
      kernel.setUp(d, true);
    }
    nf = r.netfilter();
  }

  private static void addr(Device d, String a, int len) {
    d.ns().addAddress(d, new NetNs.AddrRequest(Ip4.of(a), len, Scope.UNIVERSE, d.name(), 0, 0,
        false));
  }

  /** A table of r, created and installed as iptables would on its first write. */
  Table table(TableKind k) {
    Table t = nf.tableOrNew(k);
    nf.install(t);
    return t;
  }

  long now() {
    return kernel.clock().now();
  }

  /** h1's echo request as r receives it on r1 (PREROUTING). */
  NfPacket fromH1(int dst, int id) {
    return NfPacket.echoRequest(H1, dst, id).withIn(r1);
  }

  /** Runs a packet forwarded from r1 to r2 through PREROUTING, FORWARD, POSTROUTING. */
  HookResult[] forward(NfPacket p, Device in, Device out, int nexthop) {
    HookResult pre = nf.hook(Hook.PREROUTING, p.withIn(in), now());
    if (!pre.accepted()) {
      return new HookResult[] {pre};
    }
    HookResult fwd = nf.hook(Hook.FORWARD, pre.packet().withDevices(in, out), now());
    if (!fwd.accepted()) {
      return new HookResult[] {pre, fwd};
    }
    HookResult post = nf.hook(Hook.POSTROUTING,
        fwd.packet().withDevices(null, out).withNexthop(nexthop), now());
    return new HookResult[] {pre, fwd, post};
  }

  /** The last result of a walk. */
  static HookResult last(HookResult[] rs) {
    return rs[rs.length - 1];
  }
}
