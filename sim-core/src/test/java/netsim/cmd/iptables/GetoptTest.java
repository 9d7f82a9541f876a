package netsim.cmd.iptables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** getopt_long the way iptables calls it. */
class GetoptTest {
  private static final List<Getopt.LongOpt> LONGS = List.of(
      new Getopt.LongOpt("list", Getopt.Arg.OPTIONAL, 'L'),
      new Getopt.LongOpt("list-rules", Getopt.Arg.OPTIONAL, 'S'),
      new Getopt.LongOpt("source", Getopt.Arg.REQUIRED, 's'),
      new Getopt.LongOpt("src", Getopt.Arg.REQUIRED, 's'),
      new Getopt.LongOpt("numeric", Getopt.Arg.NONE, 'n'));

  /** Each option as {@code c=arg}, nonoptions as {@code 1=word}. */
  private static List<String> all(String... argv) {
    Getopt g = new Getopt(List.of(argv), "-:L::S::s:nv", LONGS);
    List<String> out = new ArrayList<>();
    for (int c; (c = g.next()) != -1; ) {
      out.add((c == 1 ? "1" : String.valueOf((char) c)) + "=" + g.optarg);
    }
    return out;
  }

  @Test
  void clustersAttachedArgumentsAndWordsInOrder() {
    assertEquals(List.of("n=null", "v=null", "L=null", "1=INPUT"), all("-nvL", "INPUT"));
    assertEquals(List.of("s=1.2.3.4", "s=5.6.7.8"), all("-s1.2.3.4", "-s", "5.6.7.8"));
    assertEquals(List.of("L=X"), all("-LX"), "an optional argument only when attached");
  }

  @Test
  void longOptionsTakeUniquePrefixesAndExactNamesWin() {
    assertEquals(List.of("s=a", "s=b", "n=null"), all("--sou", "a", "--src=b", "--num"));
    assertEquals(List.of("L=null"), all("--list"), "exact, though list-rules shares it");
    assertEquals(List.of("S=null"), all("--list-r"));
    assertEquals(List.of("?=null"), all("--lis"), "ambiguous");
    assertEquals(List.of("s=x"), all("--s", "x"), "source and src are the same option");
  }

  @Test
  void unknownAndMissing() {
    Getopt g = new Getopt(List.of("-y"), "-:s:", LONGS);
    assertEquals('?', g.next());
    assertEquals("-y", g.lastWord);
    g = new Getopt(List.of("-s"), "-:s:", LONGS);
    assertEquals(':', g.next());
    assertNull(g.optarg);
    assertEquals(List.of(), all("--"), "-- ends the options");
  }
}
