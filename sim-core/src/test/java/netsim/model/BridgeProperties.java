package netsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sequences of what can happen to a bridge and its ports never break the bridge driver's
 * invariants: the port list and each port's master agree, a port forwards exactly when the
 * bridge and the port are up with the port's carrier, the bridge's MAC is its lowest port MAC
 * and its MTU the lowest port MTU (none was set by hand here), and no operation throws anything
 * but the kernel's own refusals.
 */
class BridgeProperties {

  @Provide
  Arbitrary<List<int[]>> ops() {
    return Arbitraries.integers().between(0, 8).flatMap(op ->
        Arbitraries.integers().between(0, 2).map(i -> new int[] {op, i})).list().ofMaxSize(40);
  }

  @Property(tries = 300)
  void invariantsHoldAfterEveryStep(@ForAll("ops") List<int[]> ops) {
    Kernel k = new Kernel();
    NetNs ns = k.host();
    NetNs other = k.addNamed("o", k.initUserNs());
    Device br = k.createSimple(ns, DeviceKind.BRIDGE, "br0", -1);
    Device[][] pairs = new Device[3][];
    for (int i = 0; i < 3; i++) {
      pairs[i] = k.createVeth(ns, "p" + i, 0x020000000010L + (3 - i), other, "e" + i, -1);
    }
    long mac = 0x020000000100L;
    for (int[] op : ops) {
      Device port = pairs[op[1]][0];
      Device peer = pairs[op[1]][1];
      try {
        switch (op[0]) {
          case 0 -> k.setMaster(port, br);
          case 1 -> k.setMaster(port, null);
          case 2 -> k.setUp(port, !port.isUp());
          case 3 -> k.setUp(peer, !peer.isUp());
          case 4 -> k.setUp(br, !br.isUp());
          case 5 -> k.setMac(port, mac++);
          case 6 -> k.setMtu(port, 1200 + 100 * op[1]);
          case 7 -> k.setMaster(br, br);
          default -> k.setMaster(ns.lo(), br);
        }
      } catch (KernelException e) {
        // the refusals: a bridge in a bridge, lo in a bridge
      }
      check(br, pairs);
    }
  }

  private static void check(Device br, Device[][] pairs) {
    Bridge b = Bridge.of(br);
    long min = -1;
    int mtu = 0;
    for (Device[] pair : pairs) {
      Device p = pair[0];
      if (br.ports().contains(p)) {
        assertSame(br, p.master());
        assertSame(p, p.bridgePort().dev());
        boolean should = br.isUp() && p.isUp() && p.operUp();
        assertEquals(should, p.bridgePort().forwarding(), p + " forwarding");
        if (min < 0 || Long.compareUnsigned(p.mac(), min) < 0) {
          min = p.mac();
        }
        mtu = mtu == 0 ? p.mtu() : Math.min(mtu, p.mtu());
      } else {
        assertNull(p.master());
        assertNull(p.bridgePort());
      }
    }
    assertEquals(br.ports().size(), b.ports().size());
    if (b.hadPorts()) {
      assertEquals(min < 0 ? 0 : min, br.mac(), "the lowest port MAC");
      assertEquals(mtu == 0 ? 1500 : mtu, br.mtu(), "the lowest port MTU");
    }
    boolean anyForwarding = b.ports().stream().anyMatch(Bridge.Port::forwarding);
    if (b.hadPorts()) {
      assertEquals(anyForwarding, br.carrierOk(), "carrier iff some port forwards");
    }
    assertNull(br.master());
  }
}
