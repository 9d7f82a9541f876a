package netsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * What {@code map_write} accepts, as found on kernel 6.18 by writing each text in one write() to
 * the uid_map of a fresh child namespace as real root (so the privilege rules do not interfere).
 */
class IdMapTest {

  @ParameterizedTest(name = "[{index}] accepted: {0}")
  @CsvSource(delimiter = '|', textBlock = """
      0 1000 1                          | 0,1000,1
      0 1000 1\\n                        | 0,1000,1
      '  0\\t1000   1  \\n'               | 0,1000,1
      0 0 4294967295                    | 0,0,4294967295
      4294967294 0 1                    | 4294967294,0,1
      0 4294967296 1                    | 0,0,1
      99999999999 0 1                   | 1215752191,0,1
      0 99999999999999999999999 1       | 0,4135583743,1
      010 0 1                           | 10,0,1
      0 1000 1\\n1 100000 65536\\n        | 0,1000,1;1,100000,65536
      0 1000 10\\n10 1010 10             | 0,1000,10;10,1010,10
      """)
  void accepted(String text, String extents) {
    IdMap.Parsed p = IdMap.parse(unescape(text));
    assertNull(p.error(), text);
    assertEquals(extents, render(p.extents()));
  }

  @ParameterizedTest(name = "[{index}] EINVAL: {0}")
  @CsvSource(delimiter = '|', textBlock = """
      0 1000 0
      0 1000
      0 1000 1 x
      a 1000 1
      +1 0 1
      -1 0 1
      0x10 0 1
      4294967295 0 1
      4294967294 0 2
      0 0 4294967296
      1 0 4294967295
      0 1 4294967295
      \\n
      ''
      0 1000 10\\n\\n
      0 1000 10\\n \\n
      0 1000 10\\n5 100000 10\\n
      0 1000 10\\n20 1005 10\\n
      1 2 3\\n4 5 6\\n7 8 9\\n
      """)
  void rejected(String text) {
    assertEquals(Errno.EINVAL, IdMap.parse(unescape(text)).error(), text);
  }

  @Test
  void atMost340Lines() {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= 340; i++) {
      sb.append(i * 10).append(' ').append(i * 10).append(" 1\n");
    }
    assertEquals(340, IdMap.parse(sb.toString()).extents().size());
    assertEquals(Errno.EINVAL, IdMap.parse(sb + "\n").error(), "a blank 341st line");
    assertEquals(Errno.EINVAL, IdMap.parse(sb + "3410 3410 1\n").error());
  }

  @Test
  void upToFiveExtentsShowAsWrittenMoreShowSorted() {
    IdMap five = new IdMap(IdMap.parse("16 17 1\n1 2 1\n10 11 1\n4 5 1\n7 8 1\n").extents());
    assertEquals("16,17,1;1,2,1;10,11,1;4,5,1;7,8,1", render(five.shown()));
    IdMap six = new IdMap(IdMap.parse("16 17 1\n1 2 1\n10 11 1\n4 5 1\n7 8 1\n13 14 1\n")
        .extents());
    assertEquals("1,2,1;4,5,1;7,8,1;10,11,1;13,14,1;16,17,1", render(six.shown()));
  }

  @Test
  void aRangeMapsDownOnlyWithinOneExtent() {
    IdMap m = new IdMap(List.of(new IdMap.Extent(0, 1000, 10), new IdMap.Extent(10, 5000, 10)));
    assertEquals(1000, m.rangeDown(0, 10), "the kernel id of the first");
    assertEquals(IdMap.INVALID, m.rangeDown(5, 10), "straddles two extents");
    assertEquals(5003, m.down(13));
    assertEquals(IdMap.INVALID, m.down(20));
    assertEquals(13, m.up(5003));
    assertEquals(IdMap.INVALID, m.up(999));
  }

  @Test
  void theIdentityMapHasEveryIdButTheInvalidOne() {
    assertEquals(4294967294L, IdMap.IDENTITY.down(4294967294L));
    assertEquals(IdMap.INVALID, IdMap.IDENTITY.down(IdMap.INVALID));
    assertEquals(0, IdMap.IDENTITY.up(0));
  }

  @Property
  void translationRoundTrips(@ForAll @LongRange(min = 0, max = 4294967294L) long first,
      @ForAll @LongRange(min = 0, max = 4294967294L) long lower,
      @ForAll @LongRange(min = 1, max = 100000) long count,
      @ForAll @LongRange(min = 0, max = 99999) long offset) {
    if (first + count > IdMap.INVALID || lower + count > IdMap.INVALID) {
      return; // such an extent wraps, and map_write refuses it
    }
    IdMap m = new IdMap(List.of(new IdMap.Extent(first, lower, count)));
    long inside = first + offset % count;
    long kernel = m.down(inside);
    assertEquals(lower + offset % count, kernel);
    assertEquals(inside, m.up(kernel));
    assertEquals(IdMap.INVALID, m.down(first + count));
    assertEquals(IdMap.INVALID, m.up(lower + count));
  }

  @Property
  void whatParsesShowsAsWritten(@ForAll @LongRange(min = 0, max = 4294967294L) long first,
      @ForAll @LongRange(min = 0, max = 4294967294L) long lower,
      @ForAll @LongRange(min = 1, max = 4294967295L) long count) {
    IdMap.Parsed p = IdMap.parse(first + " " + lower + " " + count + "\n");
    boolean wraps = first + count > IdMap.INVALID || lower + count > IdMap.INVALID;
    if (wraps) {
      assertEquals(Errno.EINVAL, p.error());
    } else {
      assertEquals(List.of(new IdMap.Extent(first, lower, count)), p.extents());
    }
  }

  static String unescape(String s) {
    return s.replace("\\n", "\n").replace("\\t", "\t");
  }

  static String render(List<IdMap.Extent> es) {
    return String.join(";", es.stream()
        .map(e -> e.first() + "," + e.lowerFirst() + "," + e.count()).toList());
  }
}
