package netsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class AddressTest {

  @Test
  void parsesAsIproute2Does() {
    assertEquals(Ip4.of("10.0.0.0"), Ip4.of("10"));
    assertEquals(Ip4.of("10.1.0.0"), Ip4.of("10.1"));
    assertEquals(Ip4.of("8.0.0.0"), Ip4.of("010"));
    assertEquals(Ip4.of("16.0.0.1"), Ip4.of("0x10.0.0.1"));
    assertEquals(-1, Ip4.parse("300.1.1.1"));
    assertEquals(-1, Ip4.parse("1.2.3.4.5"));
    assertEquals(-1, Ip4.parse("1..2"));
    assertEquals(-1, Ip4.parse("a.b.c.d"));
    assertEquals(-1, Ip4.parse(""));
  }

  @Property
  void formatAndParseRoundTrip(@ForAll int a) {
    assertEquals(a, Ip4.of(Ip4.format(a)));
  }

  @Test
  void prefixes() {
    Prefix p = Prefix.parse("192.168.20.102/24");
    assertEquals("192.168.20.102/24", p.toString());
    assertEquals(Ip4.of("192.168.20.0"), p.network());
    assertEquals(Ip4.of("192.168.20.255"), p.last());
    assertEquals(32, Prefix.parse("10.0.0.1").len());
    assertEquals(16, Prefix.parse("10.0.0.0/255.255.0.0").len());
    assertNull(Prefix.parse("10.0.0.0/33"));
    assertNull(Prefix.parse("10.0.0.0/255.0.255.0"));
    assertNull(Prefix.parse("10.0.0.0/"));
  }

  @Test
  void fibOrderIsByNetworkThenLongerFirst() {
    Prefix a = Prefix.parse("10.0.0.0/16");
    Prefix b = Prefix.parse("10.0.0.0/8");
    Prefix c = Prefix.parse("10.1.0.0/16");
    Prefix d = Prefix.parse("0.0.0.0/1");
    Prefix def = Prefix.DEFAULT;
    assertEquals(-1, Integer.signum(a.compareTo(b)));
    assertEquals(-1, Integer.signum(b.compareTo(c)));
    assertEquals(-1, Integer.signum(d.compareTo(def)));
    assertEquals(-1, Integer.signum(Prefix.parse("128.0.0.0/8").compareTo(
        Prefix.parse("200.0.0.0/8"))), "unsigned order");
  }

  @Test
  void linkLocalFromMac() {
    assertEquals("fe80::74e4:a6ff:fe80:1543", Mac.linkLocal6(Mac.parse("76:e4:a6:80:15:43")));
    assertEquals("fe80::ff:fe00:1", Mac.linkLocal6(Mac.parse("02:00:00:00:00:01")));
    assertEquals("76:e4:a6:80:15:43", Mac.format(Mac.parse("76:e4:a6:80:15:43")));
  }
}
