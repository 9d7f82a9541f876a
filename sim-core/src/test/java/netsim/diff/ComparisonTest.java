package netsim.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import netsim.run.LineResult;
import netsim.script.Script;
import netsim.script.ScriptParser;
import org.junit.jupiter.api.Test;

class ComparisonTest {

  private static final Script SCRIPT = ScriptParser.parse("s.sh", """
      # a comment
      ip link add v0 type veth peer name v1
      ip -br link show v0

      ip link | cat
      ping -c1 -W1 10.0.0.2
      """);

  @Test
  void identicalRunsAgreeOnEveryLine() throws Exception {
    DiffReport r = Comparison.run(SCRIPT, new CannedBackend("kernel", Map.of()),
        new CannedBackend("sim", Map.of()));
    assertTrue(r.allAgree());
    assertEquals(4, r.lines());
    assertEquals("s.sh: 4/4 lines agree (1 refused by the language, not run)\n",
        ReportText.render(r));
  }

  @Test
  void differencesAreReportedAtTheirLine() throws Exception {
    LineResult kernelPing = new LineResult(6, "ping -c1 -W1 10.0.0.2", 1,
        "PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.\n\n--- 10.0.0.2 ping statistics ---\n"
            + "1 packets transmitted, 0 received, 100% packet loss, time 0ms\n\n", "");
    LineResult simPing = new LineResult(6, "ping -c1 -W1 10.0.0.2", 0,
        "PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.\n"
            + "64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=0.040 ms\n\n"
            + "--- 10.0.0.2 ping statistics ---\n"
            + "1 packets transmitted, 1 received, 0% packet loss, time 0ms\n"
            + "rtt min/avg/max/mdev = 0.040/0.040/0.040/0.000 ms\n", "");
    DiffReport r = Comparison.run(SCRIPT,
        new CannedBackend("kernel", Map.of(6, kernelPing)),
        new CannedBackend("sim", Map.of(6, simPing)));

    assertEquals(1, r.disagreements().size());
    DiffReport.Disagreement d = r.disagreements().get(0);
    assertEquals(6, d.line());
    assertEquals("ping -c1 -W1 10.0.0.2", d.command());
    assertTrue(d.statusDiffers());
    assertTrue(d.stdoutDiffers());
    assertFalse(d.stderrDiffers());
    assertEquals("""
        s.sh: 3/4 lines agree (1 refused by the language, not run)

          line 6: ping -c1 -W1 10.0.0.2
            status: kernel 1, sim 0
            stdout: (-kernel +sim)
               PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.
              +64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=<rtt> ms
              \s
               --- 10.0.0.2 ping statistics ---
              -1 packets transmitted, 0 received, 100% packet loss, time <elapsed>ms
              -
              +1 packets transmitted, 1 received, 0% packet loss, time <elapsed>ms
              +rtt min/avg/max/mdev = <rtt> ms
        """, ReportText.render(r));
  }

  @Test
  void onlyTheListedThingsAreNormalisedAway() throws Exception {
    // Same status and a random MAC each: they agree. A TTL differs: they do not.
    LineResult k = new LineResult(3, "ip -br link show v0", 0,
        "v0@v1  DOWN  6a:11:11:11:11:11 <BROADCAST,MULTICAST> \nttl=64\n", "");
    LineResult s = new LineResult(3, "ip -br link show v0", 0,
        "v0@v1  DOWN  02:99:99:99:99:99 <BROADCAST,MULTICAST> \nttl=63\n", "");
    DiffReport r = Comparison.run(SCRIPT, new CannedBackend("kernel", Map.of(3, k)),
        new CannedBackend("sim", Map.of(3, s)));
    assertEquals(1, r.disagreements().size());
    assertEquals("""
        s.sh: 3/4 lines agree (1 refused by the language, not run)

          line 3: ip -br link show v0
            status: kernel 0, sim 0 (same)
            stdout: (-kernel +sim)
               v0@v1  DOWN  <mac1> <BROADCAST,MULTICAST> $
              -ttl=64
              +ttl=63
        """, ReportText.render(r));
  }

  @Test
  void stderrAndMissingNewlinesShow() throws Exception {
    LineResult k = new LineResult(2, "ip link add v0 type veth peer name v1", 2, "",
        "RTNETLINK answers: File exists\n");
    LineResult s = new LineResult(2, "ip link add v0 type veth peer name v1", 2, "",
        "RTNETLINK answers: File exists");
    DiffReport r = Comparison.run(SCRIPT, new CannedBackend("kernel", Map.of(2, k)),
        new CannedBackend("sim", Map.of(2, s)));
    String text = ReportText.render(r);
    assertTrue(text.contains("""
            stderr: (-kernel +sim)
              -RTNETLINK answers: File exists
              +RTNETLINK answers: File exists  \\ no newline at end
        """), text);
  }

  @Test
  void jsonHasBothResultsUnderFixedKeys() throws Exception {
    LineResult s = new LineResult(3, "ip -br link show v0", 1, "", "Device does not exist.\n");
    DiffReport r = Comparison.run(SCRIPT, new CannedBackend("kernel", Map.of()),
        new CannedBackend("sim", Map.of(3, s)));
    JsonNode json = new ObjectMapper().readTree(ReportJson.render(List.of(r)));
    assertFalse(json.get("agree").asBoolean());
    JsonNode file = json.get("files").get(0);
    assertEquals("s.sh", file.get("file").asText());
    assertEquals(4, file.get("lines").asInt());
    assertEquals(3, file.get("agreeing").asInt());
    JsonNode d = file.get("disagreements").get(0);
    assertEquals(3, d.get("line").asInt());
    assertEquals("kernel", d.get("reference").get("backend").asText());
    assertEquals(0, d.get("reference").get("status").asInt());
    assertEquals("ip -br link show v0\n", d.get("reference").get("stdout").asText());
    assertEquals("sim", d.get("candidate").get("backend").asText());
    assertEquals("Device does not exist.\n", d.get("candidate").get("stderr").asText());
  }

  @Test
  void aBackendThatLosesLinesIsAnError() {
    var shortBackend = new netsim.run.Backend() {
      @Override
      public String name() {
        return "sim";
      }

      @Override
      public List<LineResult> run(Script script) {
        return List.of();
      }
    };
    assertThrows(IllegalStateException.class,
        () -> Comparison.run(SCRIPT, new CannedBackend("kernel", Map.of()), shortBackend));
  }

  @Test
  void refusedLinesAgreeButAreCountedApart() throws Exception {
    Script s = ScriptParser.parse("r.sh", "ip link\nfor x in a b; do ip link; done\n");
    DiffReport r = Comparison.run(s, new CannedBackend("kernel", Map.of()),
        new CannedBackend("sim", Map.of()));
    assertTrue(r.allAgree());
    assertEquals(1, r.refused());
    assertEquals("r.sh: 2/2 lines agree (1 refused by the language, not run)\n",
        ReportText.render(r));
  }
}
