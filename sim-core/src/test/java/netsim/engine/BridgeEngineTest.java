package netsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import netsim.run.LineResult;
import netsim.sim.Sim;
import org.junit.jupiter.api.Test;

/** Frames through a bridge: who gets them, and what br_netfilter's FORWARD sees (E11). */
class BridgeEngineTest {
  /** A switch namespace with a bridge and no address; hosts a and b behind two ports. */
  private static final String SWITCH = """
      ip netns add sw
      ip netns add a
      ip netns add b
      ip -n sw link add br0 type bridge
      ip -n sw link add pa type veth peer name eth0 netns a
      ip -n sw link add pb type veth peer name eth0 netns b
      ip -n sw link set pa master br0
      ip -n sw link set pb master br0
      ip -n sw link set br0 up
      ip -n sw link set pa up
      ip -n sw link set pb up
      ip -n a addr add 10.0.0.1/24 dev eth0
      ip -n b addr add 10.0.0.2/24 dev eth0
      ip -n a link set eth0 up
      ip -n b link set eth0 up
      """;

  @Test
  void aBridgeWithoutAddressesJoinsItsPortsLinks() {
    LineResult r = Sim.last(SWITCH + "ip netns exec a ping -c1 -W1 10.0.0.2\n");
    assertEquals(0, r.status(), r.stdout());
    assertTrue(r.stdout().contains("ttl=64"), "bridging is no routing hop");
  }

  @Test
  void aDisabledPortOrAStoppedBridgeCarriesNothing() {
    List<LineResult> rs = Sim.run(SWITCH + """
        ip netns exec a ping -c1 -W1 10.0.0.2
        ip -n sw link set pb down
        ip netns exec a ping -c1 -W1 10.0.0.2
        ip -n sw link set pb up
        ip -n sw link set br0 down
        ip netns exec a ping -c1 -W1 10.0.0.2
        ip -n sw link set br0 up
        ip netns exec a ping -c1 -W1 10.0.0.2
        """);
    assertEquals(0, rs.get(rs.size() - 8).status());
    assertEquals(1, rs.get(rs.size() - 6).status());
    assertEquals(1, rs.get(rs.size() - 3).status());
    assertEquals(0, rs.get(rs.size() - 1).status());
  }

  @Test
  void bridgedTrafficPassesForwardInTheBridgesNamespace() {
    List<LineResult> rs = Sim.run(SWITCH + """
        ip netns exec sw iptables -P FORWARD DROP
        ip netns exec a ping -c1 -W1 10.0.0.2
        ip netns exec sw iptables -A FORWARD -i br0 -o br0 -j ACCEPT
        ip netns exec a ping -c1 -W1 10.0.0.2
        ip netns exec sw iptables -L FORWARD -v -n -x
        """);
    assertEquals(1, rs.get(rs.size() - 4).status());
    assertEquals(0, rs.get(rs.size() - 2).status());
    String listing = rs.get(rs.size() - 1).stdout();
    assertTrue(listing.contains("policy DROP 1 packets"), listing);
    assertTrue(listing.contains("       2      168 ACCEPT"), listing);
  }

  @Test
  void theBridgeDevicesOwnTrafficIsNotForwarded() {
    List<LineResult> rs = Sim.run(SWITCH + """
        ip -n sw addr add 10.0.0.254/24 dev br0
        ip netns exec sw iptables -P FORWARD DROP
        ip netns exec a ping -c1 -W1 10.0.0.254
        ip netns exec sw ping -c1 -W1 10.0.0.2
        """);
    assertEquals(0, rs.get(rs.size() - 2).status());
    assertEquals(0, rs.get(rs.size() - 1).status());
  }

  @Test
  void aMasqueradeWithoutOutputDeviceRewritesBridgedTraffic() {
    String base = SWITCH + """
        ip -n sw addr add 10.0.0.254/24 dev br0
        ip netns exec sw iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -j MASQUERADE
        ip netns exec a ping -c1 -W1 10.0.0.2
        ip -n b neigh show 10.0.0.254
        """;
    List<LineResult> rs = Sim.run(base);
    assertEquals(1, rs.get(rs.size() - 2).status(), "the reply reaches sw, which does not forward");
    assertTrue(rs.get(rs.size() - 1).stdout().contains("REACHABLE"), "b answered sw's address");
    rs = Sim.run(base + """
        ip netns exec sw sysctl -q -w net.ipv4.ip_forward=1
        ip netns exec a ping -c1 -W1 10.0.0.2
        """);
    LineResult ok = rs.get(rs.size() - 1);
    assertEquals(0, ok.status(), ok.stdout());
    assertTrue(ok.stdout().contains("ttl=64"), "a de-masqueraded reply stays bridged");
  }

  @Test
  void bridgeNfCallIptablesOffKeepsFramesFromIptables() {
    LineResult r = Sim.last(SWITCH + """
        ip netns exec sw iptables -P FORWARD DROP
        ip netns exec sw sysctl -q -w net.bridge.bridge-nf-call-iptables=0
        ip netns exec a ping -c1 -W1 10.0.0.2
        """);
    assertEquals(0, r.status(), r.stdout());
  }
}
