package netsim.diff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LinkLocalTest {

  @Test
  void derivesTheMacOfAnEui64Address() {
    assertEquals(Normaliser.parseMac("22:b7:b0:cf:69:44"),
        LinkLocal.eui64Mac("fe80::20b7:b0ff:fecf:6944"));
    assertEquals(Normaliser.parseMac("02:00:00:00:00:01"), LinkLocal.eui64Mac("fe80::ff:fe00:1"));
    assertEquals(Normaliser.parseMac("00:00:00:00:00:01"),
        LinkLocal.eui64Mac("fe80:0:0:0:200:ff:fe00:1"));
  }

  @Test
  void otherAddressesAreNotEui64() {
    assertEquals(-1, LinkLocal.eui64Mac("fe80::"));
    assertEquals(-1, LinkLocal.eui64Mac("fe80::1"));
    assertEquals(-1, LinkLocal.eui64Mac("fe80:1::20b7:b0ff:fecf:6944"));
    assertEquals(-1, LinkLocal.eui64Mac("fe80::20b7:b0fe:fecf:6944"));
    assertEquals(-1, LinkLocal.eui64Mac("fe80::1::2"));
    assertEquals(-1, LinkLocal.eui64Mac("fe80::12345"));
  }

  @Test
  void parsesAbbreviations() {
    assertArrayEquals(new int[] {0xfe80, 0, 0, 0, 0, 0, 0, 1}, LinkLocal.parse("fe80::1"));
    assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6, 7, 8}, LinkLocal.parse("1:2:3:4:5:6:7:8"));
    assertNull(LinkLocal.parse("1:2:3"));
    assertNull(LinkLocal.parse("1:2:3:4:5:6:7:8::"));
  }
}
