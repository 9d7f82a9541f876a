package netsim.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import netsim.diff.Comparison;
import netsim.diff.DiffReport;
import netsim.diff.ReportText;
import netsim.run.LineResult;
import netsim.script.Script;
import netsim.script.ScriptParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Many scripts in few sandboxes: each in a fresh world that sees nothing of the ones before. */
@Tag("kernel")
class SandboxPoolTest {

  @BeforeAll
  static void kernel() {
    KernelTests.requireKernel();
  }

  /** Changes everything a script can change. */
  static final String LITTER = """
      ip netns add a
      ip link add v0 type veth peer name v1 netns a
      ip addr add 10.9.0.1/24 dev v0
      ip link set v0 up
      ip link set lo down
      sysctl -w net.ipv4.ip_forward=1
      iptables -A FORWARD -j ACCEPT
      touch litter
      """;

  /** What a fresh sandbox shows. */
  static final String LOOK = """
      ip netns list
      ip -br link
      ip -4 route show table all
      sysctl net.ipv4.ip_forward net.ipv4.conf.all.rp_filter
      iptables-save
      stat -c '%a %U %h' .
      ping -c1 -W1 127.0.0.1
      """;

  @Test
  void eachScriptRunsInAFreshWorld() throws Exception {
    Script look = ScriptParser.parse("look.sh", LOOK);
    List<LineResult> fresh = new SandboxBackend().run(look);
    try (SandboxPool pool = new SandboxPool(1)) {
      List<LineResult> first = pool.run(look);
      assertEquals(List.of(), Comparison.compare(look, "sandbox", fresh, "world", first)
          .disagreements());
      for (LineResult r : pool.run(ScriptParser.parse("litter.sh", LITTER))) {
        assertEquals(0, r.status(), r.command() + ": " + r.stderr());
      }
      DiffReport after = Comparison.compare(look, "sandbox", fresh, "world", pool.run(look));
      assertEquals(List.of(), after.disagreements(), ReportText.render(after));
      assertEquals("", fresh.get(0).stdout());
      assertEquals("1777 root 2\n", fresh.get(5).stdout());
    }
  }

  /**
   * A routed network. No link dump: r1 and h1e have equal ifindexes, so linkwatch may take up to
   * a second to show h1e's carrier, in a sandbox as in a world.
   */
  static final String ROUTED = """
      ip netns add h1
      ip netns add h2
      ip link add r1 type veth peer name h1e netns h1
      ip link add r2 type veth peer name h2e netns h2
      ip addr add 10.0.1.1/24 dev r1
      ip addr add 10.0.2.1/24 dev r2
      ip link set r1 up
      ip link set r2 up
      ip -n h1 addr add 10.0.1.2/24 dev h1e
      ip -n h2 addr add 10.0.2.2/24 dev h2e
      ip -n h1 link set h1e up
      ip -n h2 link set h2e up
      ip -n h1 route add default via 10.0.1.1
      ip -n h2 route add default via 10.0.2.1
      ip -n h1 route show
      ip netns list
      ip -j addr show r1
      ip netns exec h1 ping -c1 -W1 10.0.1.1
      ! ip netns exec h1 ping -c1 -W1 10.0.2.2
      sysctl -w net.ipv4.ip_forward=1
      ip netns exec h1 ping -c2 -i0.2 -W1 10.0.2.2
      ip -n h1 route get 10.0.2.2
      """;

  @Test
  void aWorldGivesWhatASandboxGivesAndRunsInParallel() throws Exception {
    Script script = ScriptParser.parse("routed.sh", ROUTED);
    List<LineResult> fresh = new SandboxBackend().run(script);
    try (SandboxPool pool = new SandboxPool(2)) {
      ExecutorService ex = Executors.newFixedThreadPool(3);
      try {
        List<Future<List<LineResult>>> runs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
          runs.add(ex.submit(() -> pool.run(script)));
        }
        for (Future<List<LineResult>> f : runs) {
          DiffReport r = Comparison.compare(script, "sandbox", fresh, "world", f.get());
          assertTrue(r.allAgree(), ReportText.render(r));
        }
      } finally {
        ex.shutdownNow();
      }
    }
  }
}
