package netsim.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import netsim.run.Backend;
import netsim.run.BackendUnavailableException;
import netsim.run.LineResult;
import netsim.sandbox.KernelTests;
import netsim.sandbox.SandboxBackend;
import netsim.script.Script;
import netsim.script.ScriptLine;
import netsim.script.ScriptParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The differential harness must be able to fail. Here the candidate is the kernel itself with one
 * deliberate fault, "forwarding is ignored": {@code sysctl -w net.ipv4.ip_forward=1} prints what
 * it always prints but changes nothing. The harness must find exactly one disagreement, at the
 * ping that needs forwarding, and none elsewhere: two runs of the real kernel agree on every
 * other line once random MACs, link-local addresses, round-trip times and dates are normalised.
 */
@Tag("kernel")
class HarnessCanFailTest {

  static final String SCENARIO = """
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
      ip -d link show r1
      ip -j addr show r1
      ip netns exec h1 ping -c1 -W1 10.0.1.1
      ! ip netns exec h1 ping -c1 -W1 10.0.2.2
      sysctl -w net.ipv4.ip_forward=1
      ip netns exec h1 ping -c2 -i0.2 -W1 10.0.2.2
      iptables -A FORWARD -j ACCEPT
      iptables-save
      ip -n h1 neigh show
      """;

  /** The kernel, except that enabling forwarding only pretends to. */
  static final class ForwardingIgnored implements Backend {
    private final Backend kernel;

    ForwardingIgnored(Backend kernel) {
      this.kernel = kernel;
    }

    @Override
    public String name() {
      return "faulty";
    }

    @Override
    public List<LineResult> run(Script script) throws BackendUnavailableException {
      return kernel.run(new Script(script.file(),
          script.lines().stream().map(ForwardingIgnored::ignoreForwarding).toList()));
    }

    private static ScriptLine ignoreForwarding(ScriptLine l) {
      if (!l.argv().equals(List.of("sysctl", "-w", "net.ipv4.ip_forward=1"))) {
        return l;
      }
      return new ScriptLine(l.file(), l.line(), l.text(), l.negated(),
          List.of("echo", "net.ipv4.ip_forward", "=", "1"), null, null);
    }
  }

  /** The seed-like network without netfilter: the simulator agrees with the kernel on it. */
  static final String ROUTED = SCENARIO.substring(0, SCENARIO.indexOf("iptables"));

  @Test
  void aSimulatorThatIgnoresForwardingIsCaughtAtTheLineThatNeedsIt() throws Exception {
    Script script = ScriptParser.parse("routed.sh", ROUTED);
    SandboxBackend kernel = new SandboxBackend();
    netsim.sim.Simulator sound = new netsim.sim.Simulator(kernel.profile());
    DiffReport clean = Comparison.run(script, kernel, sound);
    assertEquals(List.of(), clean.disagreements(), ReportText.render(clean));
    DiffReport faulty = Comparison.run(script, kernel,
        sound.withFault(netsim.model.Fault.FORWARDING_IGNORED));
    String rendered = ReportText.render(faulty);
    assertEquals(List.of(20), faulty.disagreements().stream()
        .map(DiffReport.Disagreement::line).toList(), rendered);
    assertEquals(1, faulty.disagreements().get(0).candidate().status());
  }

  @BeforeAll
  static void kernel() {
    KernelTests.requireKernel();
  }

  @Test
  void aFaultIsReportedAtItsLineAndNowhereElse() throws Exception {
    Script script = ScriptParser.parse("fault.sh", SCENARIO);
    SandboxBackend kernel = new SandboxBackend();
    DiffReport report = Comparison.run(script, kernel, new ForwardingIgnored(kernel));

    String rendered = ReportText.render(report);
    assertEquals(List.of(20), report.disagreements().stream()
        .map(DiffReport.Disagreement::line).toList(), rendered);
    DiffReport.Disagreement d = report.disagreements().get(0);
    assertEquals("ip netns exec h1 ping -c2 -i0.2 -W1 10.0.2.2", d.command());
    assertEquals(0, d.reference().status());
    assertEquals(1, d.candidate().status());
    assertTrue(rendered.startsWith("fault.sh: 22/23 lines agree\n"), rendered);
    assertTrue(rendered.contains("  line 20: ip netns exec h1 ping -c2 -i0.2 -W1 10.0.2.2\n"
        + "    status: kernel 0, faulty 1\n"), rendered);
    assertTrue(rendered.contains("-64 bytes from 10.0.2.2: icmp_seq=1 ttl=63 time=<rtt> ms"),
        rendered);
  }
}
