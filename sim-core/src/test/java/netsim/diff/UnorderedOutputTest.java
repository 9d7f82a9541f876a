package netsim.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import netsim.run.LineResult;
import netsim.script.Script;
import netsim.script.ScriptLine;
import netsim.script.ScriptParser;
import org.junit.jupiter.api.Test;

class UnorderedOutputTest {

  private static ScriptLine line(String text) {
    return ScriptParser.parse("t.sh", text + "\n").lines().get(0);
  }

  @Test
  void neighbourDumpsAreUnorderedWhateverTheSpelling() {
    assertTrue(UnorderedOutput.unordered(line("ip neigh")));
    assertTrue(UnorderedOutput.unordered(line("ip -n a n")));
    assertTrue(UnorderedOutput.unordered(line("ip -4 neighbour show dev v0")));
    assertTrue(UnorderedOutput.unordered(line("ip netns exec a ip -s neigh ls")));
    assertTrue(UnorderedOutput.unordered(line("ip nei dev v0")));
  }

  @Test
  void otherCommandsKeepTheirOrder() {
    assertFalse(UnorderedOutput.unordered(line("ip -j neigh")));
    assertFalse(UnorderedOutput.unordered(line("ip netns")));
    assertFalse(UnorderedOutput.unordered(line("ip route")));
    assertFalse(UnorderedOutput.unordered(line("ip neigh add 10.0.0.1 lladdr 02:00:00:00:00:01 dev v0")));
    assertFalse(UnorderedOutput.unordered(line("ip neigh flush dev v0")));
    assertFalse(UnorderedOutput.unordered(line("ping -c1 -W1 10.0.0.1")));
  }

  @Test
  void sortingMasksMacsAndKeepsEveryLine() {
    assertEquals("10.0.0.1 dev v0 lladdr 02:00:00:00:00:09 REACHABLE\n"
            + "10.0.0.2 dev v0 lladdr 02:00:00:00:00:01 STALE\n",
        UnorderedOutput.sorted("10.0.0.2 dev v0 lladdr 02:00:00:00:00:01 STALE\n"
            + "10.0.0.1 dev v0 lladdr 02:00:00:00:00:09 REACHABLE\n"));
    assertEquals("", UnorderedOutput.sorted(""));
  }

  @Test
  void twoOrdersOfTheSameEntriesAgreeButADifferentStateDoesNot() throws Exception {
    Script s = ScriptParser.parse("n.sh", "ip neigh\nip neigh\n");
    String a = "10.0.0.1 dev v0 lladdr 02:aa:00:00:00:01 REACHABLE\n10.0.0.7 dev v0 INCOMPLETE\n";
    String b = "10.0.0.7 dev v0 INCOMPLETE\n10.0.0.1 dev v0 lladdr 02:bb:00:00:00:01 REACHABLE\n";
    String c = "10.0.0.7 dev v0 FAILED\n10.0.0.1 dev v0 lladdr 02:bb:00:00:00:01 REACHABLE\n";
    DiffReport r = Comparison.run(s,
        new CannedBackend("kernel", Map.of(1, new LineResult(1, "ip neigh", 0, a, ""),
            2, new LineResult(2, "ip neigh", 0, a, ""))),
        new CannedBackend("sim", Map.of(1, new LineResult(1, "ip neigh", 0, b, ""),
            2, new LineResult(2, "ip neigh", 0, c, ""))));
    assertEquals(1, r.disagreements().size());
    assertEquals(2, r.disagreements().get(0).line());
  }
}
