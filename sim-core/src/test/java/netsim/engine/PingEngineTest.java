package netsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import netsim.run.LineResult;
import netsim.sim.Prober;
import netsim.sim.Sim;
import org.junit.jupiter.api.Test;

/** The packet engine through ping: what crosses, what is lost, and when errors come back. */
class PingEngineTest {

  @Test
  void aRouterWithoutForwardingDropsSilently() {
    LineResult r = Sim.last(Sim.ROUTER + "ip netns exec h1 ping -c1 -W1 10.0.2.2\n");
    assertEquals(1, r.status());
    assertTrue(r.stdout().contains("1 packets transmitted, 0 received, 100% packet loss"));
    assertFalse(r.stdout().contains("From"));
  }

  @Test
  void forwardingOnTheIngressDeviceIsWhatCounts() {
    String s = Sim.ROUTER + """
        ip netns exec r sysctl -w net.ipv4.conf.r1.forwarding=1 net.ipv4.conf.r2.forwarding=1
        ip netns exec h1 ping -c1 -W1 10.0.2.2
        ip netns exec r sysctl -w net.ipv4.conf.r2.forwarding=0
        ip netns exec h1 ping -c1 -W1 10.0.2.2
        """;
    var rs = Sim.run(s);
    LineResult ok = rs.get(rs.size() - 3);
    assertEquals(0, ok.status());
    assertTrue(ok.stdout().contains("ttl=63"), ok.stdout());
    assertEquals(1, rs.get(rs.size() - 1).status(), "the reply dies entering r2");
  }

  @Test
  void ttlOneDiesAtTheRouterWithAnErrorFromItsAddressTowardsTheSender() {
    LineResult r = Sim.last(Sim.ROUTER + """
        ip netns exec r sysctl -q -w net.ipv4.ip_forward=1
        ip netns exec h1 ping -c1 -W1 -t1 10.0.2.2
        """);
    assertTrue(r.stdout().contains("From 10.0.1.1 icmp_seq=1 Time to live exceeded"));
    assertTrue(r.stdout().contains("+1 errors"));
  }

  @Test
  void anArpFailureIsReportedFromOurOwnAddressAfterThreeSeconds() {
    String base = Sim.ROUTER;
    LineResult w1 = Sim.last(base + "ip netns exec h1 ping -c1 -W1 10.0.1.99\n");
    assertFalse(w1.stdout().contains("From"), "-W1 gives up before the error comes");
    LineResult w4 = Sim.last(base + "ip netns exec h1 ping -c1 -W4 10.0.1.99\n");
    assertTrue(w4.stdout().contains("From 10.0.1.2 icmp_seq=1 Destination Host Unreachable"));
    LineResult six = Sim.last(base + "ip netns exec h1 ping -c6 -i1 10.0.1.99\n");
    assertTrue(six.stdout().contains("6 packets transmitted, 0 received, +6 errors, 100% packet"
        + " loss, time 5000ms"), six.stdout());
    assertTrue(six.stdout().contains("pipe 4"), "packets queued behind the resolution fail"
        + " together: " + six.stdout());
  }

  @Test
  void routeErrorsAreRateLimitedToABurstOfTwo() {
    LineResult r = Sim.last(Sim.ROUTER + """
        ip netns exec r sysctl -q -w net.ipv4.ip_forward=1
        ip -n r route add unreachable 10.9.0.0/16
        ip netns exec h1 ping -c6 -i0.2 -W1 10.9.0.1
        """);
    assertEquals(2, r.stdout().split("Destination Host Unreachable", -1).length - 1,
        r.stdout());
  }

  @Test
  void echoIgnoreAllSilencesTheReply() {
    LineResult r = Sim.last(Sim.ROUTER + """
        ip netns exec r sysctl -q -w net.ipv4.icmp_echo_ignore_all=1
        ip netns exec h1 ping -c1 -W1 10.0.1.1
        """);
    assertEquals(1, r.status());
  }

  @Test
  void theTraceNamesWhatLostTheProbe() {
    var s = Sim.session(Sim.ROUTER);
    Prober.Probe p = new Prober(s).probe("h1", "10.0.2.2");
    assertFalse(p.ok());
    Journey req = p.journeys().get(0);
    Step lost = req.lostAt();
    assertEquals("r", lost.ns());
    assertTrue(lost.detail().contains("forwarding is off on r1"), lost.detail());
    assertTrue(req.steps().stream().anyMatch(st -> st.kind() == Step.Kind.NEIGHBOUR));
  }

  @Test
  void aProbeThatWorksHasARequestAndAReply() {
    var s = Sim.session(Sim.ROUTER + "ip netns exec r sysctl -q -w net.ipv4.ip_forward=1\n");
    Prober.Probe p = new Prober(s).probe("h1", "10.0.2.2");
    assertTrue(p.ok());
    assertTrue(p.journeys().stream().anyMatch(j -> j.label().equals("reply")
        && j.fate() == Journey.Fate.RECEIVED));
    assertTrue(p.journeys().stream().anyMatch(j -> j.steps().stream()
        .anyMatch(st -> st.kind() == Step.Kind.FORWARD && st.ns().equals("r"))));
  }
}
