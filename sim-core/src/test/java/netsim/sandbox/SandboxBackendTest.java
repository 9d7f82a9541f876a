package netsim.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import netsim.model.KernelProfile;
import netsim.run.LineResult;
import netsim.script.ScriptLine;
import netsim.script.ScriptParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What the kernel backend reports for a line: the semantics the simulator is compared against. */
@Tag("kernel")
class SandboxBackendTest {

  @BeforeAll
  static void kernel() {
    KernelTests.requireKernel();
  }

  private static List<LineResult> run(String text) throws Exception {
    return new SandboxBackend().run(ScriptParser.parse("b.sh", text));
  }

  @Test
  void linesAreJudgedOneByOne() throws Exception {
    List<LineResult> r = run("""
        false
        ! false
        ! true
        exit 3
        echo --help
        echo -n a  b
        ip link show nosuch
        sh -c 'exit 4'
        bash -c 'true; false'
        """);
    assertEquals(List.of(1, 0, 1, 3, 0, 0, 1, 4, 1), r.stream().map(LineResult::status).toList());
    assertEquals("--help\n", r.get(4).stdout(), "bash's builtin echo, not /usr/bin/echo");
    assertEquals("a b", r.get(5).stdout());
    assertEquals("Device \"nosuch\" does not exist.\n", r.get(6).stderr());
  }

  @Test
  void redirectionsAndBashMessagesNameTheScenarioLine() throws Exception {
    List<LineResult> r = run("""
        # comment

        echo 1 > /proc/sys/net/ipv4/ip_forward
        cat /proc/sys/net/ipv4/ip_forward
        echo 1 > /proc/sys/net/nosuch
        echo banana > /proc/sys/net/ipv4/ip_forward
        exit banana
        bash -c 'true
        exit banana'
        """);
    assertEquals(0, r.get(0).status());
    assertEquals("1\n", r.get(1).stdout());
    assertEquals("bash: line 5: /proc/sys/net/nosuch: No such file or directory\n",
        r.get(2).stderr());
    assertEquals(1, r.get(2).status());
    assertEquals("bash: line 6: echo: write error: Invalid argument\n", r.get(3).stderr());
    assertEquals("bash: line 7: exit: banana: numeric argument required\n", r.get(4).stderr());
    assertEquals(2, r.get(4).status());
    assertEquals("bash: line 2: exit: banana: numeric argument required\n", r.get(5).stderr());
  }

  @Test
  void theWorkingFolderIsFreshAndFilesGetTheUsualMode() throws Exception {
    List<LineResult> r = run("""
        stat -c '%a %U %h' .
        touch f
        stat -c '%a %U:%G %n' f
        setpriv --reuid 1000 --regid 1000 --clear-groups touch g
        stat -c '%a %u:%g %n' g
        unshare -U -r stat -c '%u:%g' g
        """);
    assertEquals("1777 root 2\n", r.get(0).stdout());
    assertEquals("644 root:root f\n", r.get(2).stdout());
    assertEquals(0, r.get(3).status(), r.get(3).stderr());
    assertEquals("644 1000:1000 g\n", r.get(4).stdout());
    assertEquals("65534:65534\n", r.get(5).stdout());
  }

  @Test
  void aLineThatRunsTooLongIsKilledWithEverythingItStarted() throws Exception {
    try (SandboxSession s = SandboxSession.open(Duration.ofSeconds(2))) {
      long start = System.nanoTime();
      AgentProtocol.Reply slow = s.run(line("ip netns exec nowhere true"));
      assertEquals(255, slow.status(), "ip netns exec: no such netns");
      slow = s.run(new ScriptLine("t.sh", 2, "ping", false,
          List.of("ping", "-c", "100", "-i", "0.2", "127.0.0.1"), null, null));
      assertEquals(ProcessRunner.TIMED_OUT, slow.status());
      assertTrue(slow.stderr().contains("netsim: killed after 2 s"), slow.stderr());
      assertTrue(System.nanoTime() - start < 10_000_000_000L);
      long agent = SandboxSafetyTest.agentPid(s);
      assertEquals(List.of(), ProcessHandle.of(agent).orElseThrow().descendants()
          .filter(p -> Processes.isLive(p.pid())).map(p -> p.info().commandLine().orElse("?"))
          .toList(), "nothing of the killed line is left");
      assertEquals(0, s.run(line("true")).status(), "the sandbox goes on after a timeout");
    }
  }

  private static ScriptLine line(String text) {
    return ScriptParser.parse("t.sh", text).lines().get(0);
  }

  @Test
  void theProfileIsThisKernels() throws Exception {
    KernelProfile p = new SandboxBackend().profile();
    assertTrue(p.hasLinkKind("veth"), p.toString());
    assertTrue(p.hasLinkKind("bridge"), p.toString());
    assertEquals(Runtime.getRuntime().availableProcessors(), p.vethQueues(), p.toString());
  }
}
