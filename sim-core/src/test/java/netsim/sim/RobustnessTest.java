package netsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import netsim.run.LineResult;
import netsim.script.ScriptLine;
import netsim.script.ScriptParser;

/**
 * Bad input never crashes: any argument vector built from the tools' own keywords and junk gets
 * an answer (a status and maybe an error text), never an internal error or a stack trace, and a
 * world that still answers afterwards. The same script twice prints the same bytes.
 */
class RobustnessTest {

  private static final List<String> WORDS = List.of(
      "add", "del", "delete", "set", "show", "list", "get", "flush", "replace", "change",
      "append", "link", "addr", "route", "rule", "neigh", "netns", "exec", "dev", "v0", "v1",
      "lo", "a", "b", "up", "down", "name", "type", "veth", "bridge", "dummy", "peer", "netns",
      "master", "nomaster", "mtu", "address", "via", "src", "table", "metric", "proto", "scope",
      "from", "to", "iif", "oif", "pref", "lookup", "prohibit", "blackhole", "unreachable",
      "throw", "local", "broadcast", "onlink", "lladdr", "nud", "10.0.0.1", "10.0.0.0/8",
      "192.0.2.1/24", "0.0.0.0", "default", "all", "300.1.1.1", "1.2.3.4/33", "-4", "-6", "-j",
      "-br", "-d", "-s", "-o", "-p", "-n", "100", "0", "-1", "65536", "x", "", "help", "--",
      "02:00:00:00:00:01", "zz:zz", "-w", "-q", "-n", "-e", "-N",
      "net.ipv4.ip_forward", "net.ipv4.ip_forward=1", "net.ipv4.conf.v0.rp_filter=2",
      "net/ipv4/ip_forward", "net.ipv4.conf.all", "-c", "1", "-W", "-i", "-I", "-t", "-s",
      "127.0.0.1", "0.2", "abc");

  @Provide
  Arbitrary<List<String>> argvs() {
    Arbitrary<String> tool = Arbitraries.of("ip", "sysctl", "ping");
    Arbitrary<List<String>> rest = Arbitraries.of(WORDS).list().ofMaxSize(9);
    return net.jqwik.api.Combinators.combine(tool, rest).as((t, r) -> {
      List<String> a = new java.util.ArrayList<>();
      a.add(t);
      a.addAll(r);
      if (t.equals("ping")) {
        a.add(1, "-c1");
      }
      return a;
    });
  }

  private static final String SETUP = """
      ip netns add a
      ip link add v0 type veth peer name v1
      ip addr add 192.0.2.1/24 dev v0
      ip link set v0 up
      """;

  @Property(tries = 400)
  void anyArgumentVectorGetsAnAnswerNeverAnInternalError(@ForAll("argvs") List<String> argv) {
    Simulator.Session s = new Simulator().newSession();
    s.runAll(ScriptParser.parse("t.sh", SETUP));
    ScriptLine l = new ScriptLine("t.sh", 9, String.join(" ", argv), false, argv, null, null);
    LineResult r = s.runLine(l);
    assertNotEquals(Simulator.INTERNAL_ERROR, r.status(), () -> argv + " -> " + r.stderr());
    assertFalse(r.stderr().contains("Exception"), r.stderr());
    assertFalse(r.stdout().contains("Exception"), r.stdout());
    LineResult after = s.runLine(new ScriptLine("t.sh", 10, "ip -br link", false,
        List.of("ip", "-br", "link"), null, null));
    assertEquals(0, after.status(), "the world still answers");
  }

  @Property(tries = 30)
  void theSameScriptPrintsTheSameBytesTwice(@ForAll("argvs") List<String> argv) {
    String text = SETUP + "ping -c1 -W1 192.0.2.1\n" + String.join(" ", argv.stream()
        .map(w -> "'" + w + "'").toList()) + "\nip addr\nip route show table all\n";
    assertEquals(Sim.run(text), Sim.run(text));
  }
}
