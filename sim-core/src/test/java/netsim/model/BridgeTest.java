package netsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The bridge driver's rules, each as the kernel showed it (A16). */
class BridgeTest {
  private final Kernel k = new Kernel();
  private final NetNs ns = k.host();
  private final Device br = k.createSimple(ns, DeviceKind.BRIDGE, "br0", 0x0a0000000077L);
  private final Device[] a = k.createVeth(ns, "v1", 0x020000000021L, ns, "p1", 0x020000000012L);
  private final Device[] b = k.createVeth(ns, "v2", 0x020000000022L, ns, "p2", 0x020000000011L);
  private final Device p1 = a[1];
  private final Device p2 = b[1];

  private Device.Operstate state() {
    return br.operstate();
  }

  @Test
  void upWithNoPortsIsUnknownWithCarrier() {
    k.setUp(br, true);
    assertTrue(br.carrierOk());
    assertEquals(Device.Operstate.UNKNOWN, state());
  }

  @Test
  void portsThatAreDownTakeTheCarrierAndTheLowestMacIsTheBridges() {
    k.setUp(br, true);
    k.setMaster(p1, br);
    assertFalse(br.carrierOk());
    assertEquals(Device.Operstate.DOWN, state());
    assertEquals(p1.mac(), br.mac());
    k.setMaster(p2, br);
    assertEquals(p2.mac(), br.mac(), "p2's MAC is lower");
    assertEquals(2, p2.bridgePort().portNo());
  }

  @Test
  void aPortForwardsWhenItAndItsPeerAreUpAndTheBridgeIsUp() {
    k.setMaster(p1, br);
    k.setUp(p1, true);
    k.setUp(a[0], true);
    assertEquals(Bridge.PortState.DISABLED, p1.bridgePort().state(), "the bridge is down");
    k.setUp(br, true);
    assertEquals(Bridge.PortState.FORWARDING, p1.bridgePort().state());
    assertEquals(Device.Operstate.UP, state());
    k.setUp(a[0], false);
    assertEquals(Bridge.PortState.DISABLED, p1.bridgePort().state(), "the peer went down");
    assertFalse(br.carrierOk());
  }

  @Test
  void theLastPortLeavingZeroesTheMac() {
    k.setUp(br, true);
    k.setMaster(p1, br);
    k.setMaster(p1, null);
    assertEquals(0L, br.mac());
    assertNull(p1.bridgePort());
    assertTrue(br.ports().isEmpty());
  }

  @Test
  void aMacSetByHandStays() {
    k.setMac(br, 0x020000000099L);
    k.setMaster(p2, br);
    assertEquals(0x020000000099L, br.mac());
  }

  @Test
  void theMtuFollowsThePortsUntilSetByHand() {
    k.setMaster(p1, br);
    k.setMtu(p1, 1400);
    assertEquals(1400, br.mtu());
    k.setMtu(br, 1450);
    k.setMtu(p1, 1300);
    assertEquals(1450, br.mtu());
  }

  @Test
  void aRefusedMasterStillReleasesTheOldOne() {
    k.setMaster(p1, br);
    KernelException e = assertThrows(KernelException.class, () -> k.setMaster(p1, a[0]));
    assertEquals(Errno.EOPNOTSUPP, e.errno);
    assertNull(p1.master());
    assertTrue(br.ports().isEmpty());
  }

  @Test
  void whatABridgeRefuses() {
    assertEquals(Errno.EINVAL,
        assertThrows(KernelException.class, () -> k.setMaster(ns.lo(), br)).errno);
    Device br1 = k.createSimple(ns, DeviceKind.BRIDGE, "br1", -1);
    KernelException e = assertThrows(KernelException.class, () -> k.setMaster(br1, br));
    assertEquals(Errno.ELOOP, e.errno);
    assertEquals("Can not enslave a bridge to a bridge", e.extack);
    assertNull(br1.master());
    NetNs other = k.addNamed("x", k.initUserNs());
    assertThrows(KernelException.class, () -> k.moveDevice(br, other, null));
  }

  @Test
  void theLinkLocalAddressKeepsTheMacItWasMadeFrom() {
    long first = br.mac();
    k.setUp(br, true);
    assertTrue(br.hasLinkLocal6());
    k.setMaster(p1, br);
    assertEquals(p1.mac(), br.mac());
    assertEquals(first, br.linkLocal6Mac());
  }

  @Test
  void learnedAddressesAgeAndGoWithTheirPort() {
    k.setUp(br, true);
    k.setUp(p1, true);
    k.setUp(a[0], true);
    k.setMaster(p1, br);
    Bridge bs = Bridge.of(br);
    bs.learn(p1.bridgePort(), 0x020000000abcL, 0);
    assertSame(p1.bridgePort(), bs.lookup(0x020000000abcL, Bridge.AGEING_MS - 1));
    assertNull(bs.lookup(0x020000000abcL, Bridge.AGEING_MS));
    bs.learn(p1.bridgePort(), 0x020000000abcL, 0);
    k.setUp(a[0], false);
    assertNull(bs.lookup(0x020000000abcL, 1), "a disabled port forgets what it learned");
    bs.learn(p1.bridgePort(), br.mac(), 0);
    assertTrue(bs.isLocal(p1.mac()));
    assertTrue(bs.learned().isEmpty(), "local addresses are never learned");
  }

  @Test
  void lowerLayerDownIsJudgedByTheDeviceWithThePeersNumberHere() {
    NetNs a = k.addNamed("a", k.initUserNs());
    // host: lo 1, br0 2, p1 3, v1 4, p2 5, v2 6; in a: lo 1, then w1 2
    Device[] w = k.createVeth(ns, "w0", -1, a, "w1", -1);
    k.setUp(w[0], true);
    assertEquals(Device.Operstate.DOWN, w[0].operstate(), "index 2 here is br0, with carrier");
    k.setUp(w[1], true);
    k.setUp(w[1], false);
    assertEquals(Device.Operstate.DOWN, w[0].operstate());
    k.setUp(k.createVeth(a, "u0", -1, a, "u1", -1)[0], false);
    k.setUp(br, true);
    k.setMaster(p1, br); // br0 loses its carrier; w0 was judged before and keeps its state
    assertEquals(Device.Operstate.DOWN, w[0].operstate());
    k.setUp(w[1], true);
    k.setUp(w[1], false);
    assertEquals(Device.Operstate.LOWERLAYERDOWN, w[0].operstate(), "judged again: br0 is down");
  }
}
