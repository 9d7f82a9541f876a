package netsim.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import netsim.script.ScriptParser;
import org.junit.jupiter.api.Test;

class NormaliserTest {

  private static Normaliser forScript(String text) {
    return new Normaliser(ScriptParser.parse("n.sh", text));
  }

  @Test
  void randomMacsBecomeTokensInOrderOfFirstAppearance() {
    Normaliser n = forScript("ip link add v0 type veth peer name v1\n");
    assertEquals("""
        3: v0@v1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
            link/ether <mac1> brd ff:ff:ff:ff:ff:ff
        """,
        n.normalise("""
        3: v0@v1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
            link/ether 22:b7:b0:cf:69:44 brd ff:ff:ff:ff:ff:ff
        """));
    // A later line: the same MAC keeps its token; a new one gets the next; case does not matter.
    assertEquals("<mac2> <mac1> <mac2>",
        n.normalise("6e:00:00:00:00:01 22:B7:B0:CF:69:44 6e:00:00:00:00:01"));
  }

  @Test
  void fixedAndScriptSetMacsAreKept() {
    Normaliser n = forScript("ip link set v0 address 0a:0b:0C:0d:0e:0f\n"
        + "ip link set v1 address 2:0:0:0:0:1\n");
    String kept = "link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n"
        + "link/ether 0a:0b:0c:0d:0e:0f brd ff:ff:ff:ff:ff:ff\n"
        + "link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff\n"
        + "group_address 01:80:c2:00:00:00 (multicast) 33:33:00:00:00:01\n"
        + "link/ether 00:16:3e:aa:bb:cc (globally administered: never random)\n";
    assertEquals(kept, n.normalise(kept));
  }

  @Test
  void macsInsideLongerAddressesAreNotMacs() {
    Normaliser n = forScript("true\n");
    String s = "2001:db8:0:0:0:0:0:1 aa:aa:aa:aa:aa:aa:aa 12:34:56:78:9a:bc:de\n";
    assertEquals(s, n.normalise(s));
  }

  @Test
  void linkLocalAddressesFollowTheirMac() {
    Normaliser n = forScript("true\n");
    assertEquals("""
            link/ether <mac1> brd ff:ff:ff:ff:ff:ff
            inet6 fe80::<mac1>/64 scope link tentative\s
        fe80::<mac2> dev v1 lladdr <mac2> REACHABLE
        fe80::/64 dev v0 proto kernel metric 256 pref medium
        """,
        n.normalise("""
            link/ether 22:b7:b0:cf:69:44 brd ff:ff:ff:ff:ff:ff
            inet6 fe80::20b7:b0ff:fecf:6944/64 scope link tentative\s
        fe80::ff:fe00:1 dev v1 lladdr 02:00:00:00:00:01 REACHABLE
        fe80::/64 dev v0 proto kernel metric 256 pref medium
        """));
  }

  @Test
  void linkLocalOfAScriptSetMacIsKept() {
    Normaliser n = forScript("ip link set v0 address 02:00:00:00:00:01\n");
    String s = "inet6 fe80::ff:fe00:1/64 scope link\n";
    assertEquals(s, n.normalise(s));
  }

  @Test
  void otherIpv6AddressesAreKept() {
    Normaliser n = forScript("true\n");
    String s = "inet6 ::1/128 scope host\ninet6 fe80::1/64 scope link\n"
        + "inet6 2001:db8::20b7:b0ff:fecf:6944/64 scope global\n";
    assertEquals(s, n.normalise(s));
  }

  @Test
  void jsonIsNormalisedAlike() {
    Normaliser n = forScript("true\n");
    assertEquals(
        "[{\"ifindex\":3,\"ifname\":\"v0\",\"address\":\"<mac1>\",\"broadcast\":\"ff:ff:ff:ff:ff:ff\","
            + "\"addr_info\":[{\"family\":\"inet6\",\"local\":\"fe80::<mac1>\",\"prefixlen\":64}]}]\n",
        n.normalise(
            "[{\"ifindex\":3,\"ifname\":\"v0\",\"address\":\"22:b7:b0:cf:69:44\",\"broadcast\":\"ff:ff:ff:ff:ff:ff\","
                + "\"addr_info\":[{\"family\":\"inet6\",\"local\":\"fe80::20b7:b0ff:fecf:6944\",\"prefixlen\":64}]}]\n"));
  }

  @Test
  void roundTripTimesAndElapsedTime() {
    Normaliser n = forScript("ping -c2 -i0.2 10.0.2.2\n");
    assertEquals("""
        PING 10.0.2.2 (10.0.2.2) 56(84) bytes of data.
        64 bytes from 10.0.2.2: icmp_seq=1 ttl=63 time=<rtt> ms
        64 bytes from 10.0.2.2: icmp_seq=2 ttl=63 time=<rtt> ms

        --- 10.0.2.2 ping statistics ---
        2 packets transmitted, 2 received, 0% packet loss, time <elapsed>ms
        rtt min/avg/max/mdev = <rtt> ms
        """,
        n.normalise("""
        PING 10.0.2.2 (10.0.2.2) 56(84) bytes of data.
        64 bytes from 10.0.2.2: icmp_seq=1 ttl=63 time=0.073 ms
        64 bytes from 10.0.2.2: icmp_seq=2 ttl=63 time=12.3 ms

        --- 10.0.2.2 ping statistics ---
        2 packets transmitted, 2 received, 0% packet loss, time 202ms
        rtt min/avg/max/mdev = 0.073/0.078/0.083/0.005 ms
        """));
    assertEquals("1 packets transmitted, 0 received, +1 errors, 100% packet loss, time <elapsed>ms\n",
        n.normalise(
            "1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms\n"));
  }

  @Test
  void ttlsSequenceNumbersAndOtherNumbersAreKept() {
    Normaliser n = forScript("true\n");
    String s = "64 bytes from 10.0.2.2: icmp_seq=1 ttl=63 time is not a field here\n"
        + "3: v0@if2: mtu 1500 link-netnsid 0\n";
    assertEquals(s, n.normalise(s));
  }

  @Test
  void iptablesSaveDates() {
    Normaliser n = forScript("iptables-save\n");
    assertEquals("""
        # Generated by iptables-save v1.8.9 (nf_tables) on <date>
        *filter
        :INPUT ACCEPT [0:0]
        COMMIT
        # Completed on <date>
        """,
        n.normalise("""
        # Generated by iptables-save v1.8.9 (nf_tables) on Sun Nov 29 02:36:04 2026
        *filter
        :INPUT ACCEPT [0:0]
        COMMIT
        # Completed on Sun Nov 29 02:36:04 2026
        """));
  }

  @Test
  void theVersionInTheGeneratedLineIsCompared() {
    Normaliser n = forScript("iptables-save\n");
    assertEquals("# Generated by iptables-save v1.8.7 (legacy) on <date>\n",
        n.normalise("# Generated by iptables-save v1.8.7 (legacy) on Mon Jan  1 00:00:00 2024\n"));
  }

  @Test
  void eachRunHasItsOwnNumbering() {
    String script = "true\n";
    Normaliser kernel = forScript(script);
    Normaliser sim = forScript(script);
    assertEquals(kernel.normalise("a 12:00:00:00:00:01 b 16:00:00:00:00:02"),
        sim.normalise("a 6a:11:11:11:11:11 b 4e:22:22:22:22:22"));
  }
}
