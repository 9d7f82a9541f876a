package netsim.cmd.ip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import netsim.run.LineResult;
import netsim.sim.Sim;
import org.junit.jupiter.api.Test;

/** ip neigh's state filter (nud_state_a2n) and what a rename does to address labels. */
class NeighAndRenameTest {
  private static final String BASE = """
      ip link add v0 type veth peer name v1
      ip link set v0 up
      ip link set v1 up
      ip addr add 192.0.2.1/24 dev v0
      ip neigh add 192.0.2.50 lladdr 02:00:00:00:00:50 dev v0
      ip neigh add 192.0.2.51 lladdr 02:00:00:00:00:51 dev v0 nud noarp
      ip neigh add 192.0.2.52 lladdr 02:00:00:00:00:52 dev v0 nud stale
      """;

  private static String out(String cmds) {
    List<LineResult> rs = Sim.run(BASE + cmds);
    return rs.get(rs.size() - 1).stdout() + rs.get(rs.size() - 1).stderr();
  }

  @Test
  void noarpEntriesAreHiddenUnlessAskedFor() {
    assertEquals("", out("ip neigh show 192.0.2.51\n"));
    assertEquals("192.0.2.51 dev v0 lladdr 02:00:00:00:00:51 NOARP \n",
        out("ip neigh show 192.0.2.51 nud all\n"));
  }

  @Test
  void statesAddUpAndAbbreviate() {
    assertEquals("192.0.2.52 dev v0 lladdr 02:00:00:00:00:52 STALE \n"
        + "192.0.2.50 dev v0 lladdr 02:00:00:00:00:50 PERMANENT \n",
        out("ip neigh show nud perm nud stale\n"));
    assertEquals("192.0.2.50 dev v0 lladdr 02:00:00:00:00:50 PERMANENT \n",
        out("ip neigh show nud 0x80\n"));
    assertEquals("Error: argument \"0x3\" is wrong: nud state is bad\n",
        out("ip neigh show nud 0x3\n"));
  }

  @Test
  void aFlushSparesPermanentEntriesUnlessNamed() {
    assertEquals("192.0.2.51 lladdr 02:00:00:00:00:51 NOARP \n"
        + "192.0.2.50 lladdr 02:00:00:00:00:50 PERMANENT \n",
        out("ip neigh flush dev v0\nip neigh show dev v0 nud all\n"));
    assertEquals("", out("ip neigh flush dev v0 nud all\nip neigh show 192.0.2.50 nud all\n"));
    assertEquals("192.0.2.51 dev v0 lladdr 02:00:00:00:00:51 NOARP \n",
        out("ip neigh flush dev v0 nud all\nip neigh show 192.0.2.51 nud all\n"),
        "a flush never takes NOARP entries, not even with nud all");
  }

  @Test
  void aRenameRelabelsEveryAddress() {
    String s = out("""
        ip addr add 198.51.100.1/24 dev v0
        ip addr add 203.0.113.1/24 dev v0 label v0:web
        ip link set v0 name averyveryverylo
        ip -4 -o addr show averyveryverylo
        """);
    // IFNAMSIZ: the suffix stays whole, the name is cut to make room (the kernel agrees)
    assertEquals(List.of("averyveryverylo", "averyveryvery:2", "averyveryve:web"),
        s.lines().map(l -> l.replaceAll(".* global ([^\\\\ ]+).*", "$1")).toList());
  }
}
