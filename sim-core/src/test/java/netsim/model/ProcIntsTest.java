package netsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ProcIntsTest {

  private static ProcInts.Parsed ints(String s, int n) {
    return ProcInts.parse(s, n, false, Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  @Test
  void cBaseZeroNumbers() {
    assertEquals(List.of(16L), ints("0x10", 1).values());
    assertEquals(List.of(8L), ints("010", 1).values());
    assertEquals(List.of(0L), ints("0", 1).values());
    assertTrue(ints("08", 1).failed());
    assertTrue(ints("0x", 1).failed());
    assertTrue(ints("1e1", 1).failed());
  }

  @Test
  void signsAndLimits() {
    assertTrue(ints("+5", 1).failed());
    assertEquals(List.of(-2147483648L), ints("-2147483648", 1).values());
    assertTrue(ints("-2147483649", 1).failed());
    assertTrue(ints("2147483648", 1).failed());
    assertTrue(ints("--1", 1).failed());
    assertTrue(ProcInts.parse("-0", 1, true, 0, 0xFFFFFFFEL).failed());
    assertEquals(List.of(4294967294L),
        ProcInts.parse("4294967294", 1, true, 0, 0xFFFFFFFEL).values());
    assertTrue(ProcInts.parse("4294967295", 1, true, 0, 0xFFFFFFFEL).failed());
    assertTrue(ints("99999999999999999999999", 1).failed());
  }

  @Test
  void vectors() {
    assertEquals(List.of(5L), ints("5 6", 1).values());
    assertFalse(ints("5 6", 1).failed());
    assertEquals(List.of(5L, 6L), ints(" 5\t6 \n", 2).values());
    assertEquals(List.of(7L), ints("7", 2).values());
    ProcInts.Parsed partly = ints("5 x", 2);
    assertEquals(List.of(5L), partly.values());
    assertTrue(partly.failed());
    assertTrue(ints("5,6", 2).nothing());
    assertTrue(ints("", 1).failed());
    assertTrue(ints("   ", 1).failed());
  }

  @Property(tries = 500)
  void decimalIntsReadBack(@ForAll int a, @ForAll int b) {
    assertEquals(List.of((long) a, (long) b), ints(a + "\t" + b + "\n", 2).values());
  }

  @Property(tries = 500)
  void anyTextIsReadWithoutThrowing(@ForAll String s) {
    ProcInts.Parsed p = ints(s, 3);
    assertTrue(p.values().size() <= 3);
    assertEquals(p.values().isEmpty(), p.nothing());
  }
}
