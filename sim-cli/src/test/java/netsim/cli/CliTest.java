package netsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI in-process: run, matrix and trace on the seed scenario, and their exit statuses. */
class CliTest {
  private static final Path SEED = scenarios().resolve("seed/netns-walkthrough.sh");

  static Path scenarios() {
    String env = System.getenv("NETSIM_SCENARIOS");
    return env != null ? Path.of(env) : Path.of("..", "scenarios");
  }

  record Out(int status, String out, String err) {}

  static Out cli(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int rc = Main.execute(new PrintWriter(o), new PrintWriter(e), args);
    return new Out(rc, o.toString(), e.toString());
  }

  /** The line just before ip_forward is enabled. */
  private static int lineBeforeForwarding() throws IOException {
    List<String> lines = Files.readAllLines(SEED);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("net.ipv4.i_forward")) {
        return i;
      }
    }
    throw new AssertionError("the seed scenario enables forwarding");
  }

  @Test
  void theSeedsFirstMatrixHasOneNg() throws IOException {
    Out r = cli("matrix", SEED.toString(), "--upto", Integer.toString(lineBeforeForwarding()),
        "--from", "testns1,host", "--to",
        "192.168.20.101,192.168.20.102,192.168.10.101,192.168.10.102");
    assertEquals(0, r.status(), r.err());
    assertEquals("""
        OK from testns1 ping to 192.168.20.101
        OK from testns1 ping to 192.168.20.102
        OK from testns1 ping to 192.168.10.101
        NG from testns1 ping to 192.168.10.102
        OK from host ping to 192.168.20.101
        OK from host ping to 192.168.20.102
        OK from host ping to 192.168.10.101
        OK from host ping to 192.168.10.102
        """, r.out());
  }

  @Test
  void theMatrixSaysWhyWithWhyAndInJson() throws IOException {
    String upto = Integer.toString(lineBeforeForwarding());
    Out r = cli("matrix", SEED.toString(), "--upto", upto, "--from", "testns1", "--to",
        "192.168.20.101,192.168.10.102", "--why");
    assertEquals("""
        OK from testns1 ping to 192.168.20.101
        NG from testns1 ping to 192.168.10.102 (lost at host: forwarding is off on m1\
         (net.ipv4.conf.m1.forwarding = 0; net.ipv4.ip_forward = 0))
        """, r.out());
    Out j = cli("matrix", SEED.toString(), "--upto", upto, "--from", "testns1", "--to",
        "192.168.20.101,192.168.10.102", "--json");
    List<String> lines = j.out().lines().toList();
    assertEquals(2, lines.size(), j.out());
    JsonNode ng = new ObjectMapper().readTree(lines.get(1));
    assertEquals("NG", ng.get("verdict").asText());
    assertTrue(ng.get("lost_at").asText().contains("forwarding is off on m1"), j.out());
    assertEquals(null, new ObjectMapper().readTree(lines.get(0)).get("lost_at"));
  }

  @Test
  void aProbeThatCannotSendSaysWhat(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("f.sh");
    Files.writeString(f, "ip netns add a\n");
    Out r = cli("trace", f.toString(), "--from", "a", "--to", "10.0.0.1");
    assertEquals(1, r.status());
    assertTrue(r.out().contains("verdict: NG (lost at a: ping: connect: Network is unreachable)"),
        r.out());
    assertFalse(r.out().contains("ping: ping:"), r.out());
  }

  @Test
  void afterForwardingEverythingAnswers() {
    Out r = cli("matrix", SEED.toString(), "--from", "testns1,host", "--to",
        "192.168.20.101,192.168.20.102,192.168.10.101,192.168.10.102");
    assertEquals(8, r.out().lines().filter(l -> l.startsWith("OK ")).count(), r.out());
  }

  @Test
  void defaultMatrixCoversEveryNamespaceAndAddress() {
    Out r = cli("matrix", SEED.toString());
    assertEquals(3 * 4, r.out().lines().count(), r.out());
    assertTrue(r.out().startsWith("OK from testns1 ping to "), r.out());
  }

  @Test
  void theTraceSaysWhereAndWhyItWasLost() throws IOException {
    Out r = cli("trace", SEED.toString(), "--upto", Integer.toString(lineBeforeForwarding()),
        "--from", "testns1", "--to", "192.168.10.102");
    assertEquals(1, r.status());
    assertTrue(r.out().contains("[host] receive: on m1"), r.out());
    assertTrue(r.out().contains("forwarding is off on m1"), r.out());
    assertTrue(r.out().contains("net.ipv4.ip_forward = 0"), r.out());
    assertTrue(r.out().contains("nothing came back"), r.out());
  }

  @Test
  void theTraceAsJson() throws IOException {
    Out r = cli("trace", SEED.toString(), "--from", "testns1", "--to", "192.168.10.102",
        "--json");
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals("OK", j.get("verdict").asText());
    assertTrue(j.get("packets").size() >= 2);
    assertEquals("RECEIVED", j.get("packets").get(1).get("fate").asText());
  }

  @Test
  void runExitsZeroOnlyWhenEveryLineMeetsItsExpectation(@TempDir Path dir) throws IOException {
    assertEquals(0, cli("run", SEED.toString()).status());
    Path bad = dir.resolve("bad.sh");
    Files.writeString(bad, "true\nip link show nosuch\n! true\nip link | cat\ntrue\n");
    Out r = cli("run", bad.toString());
    assertEquals(1, r.status());
    assertTrue(r.err().contains("Device \"nosuch\" does not exist."), r.err());
    assertTrue(r.err().contains("bad.sh:4: pipes"), r.err());
    assertTrue(r.err().contains("lines 2, 3, 4"), r.err());
    assertFalse(r.err().contains("Exception"));
  }

  @Test
  void runExplainSaysWhyEachLineDidWhatItDid(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("f.sh");
    Files.writeString(f, "ip netns add a\n"
        + "ip -n a link set lo up\n"
        + "ip netns exec a ping -c1 -W1 127.0.0.1\n"
        + "! ip netns exec a ping -c1 -W1 10.0.0.1\n"
        + "! unshare -U -r ip link add d0 type dummy\n");
    Out r = cli("run", "--explain", f.toString());
    assertEquals(0, r.status(), r.err());
    List<String> why = r.out().lines().filter(l -> l.startsWith("# ")).toList();
    assertTrue(why.stream().anyMatch(
        l -> l.startsWith("# request 1: 127.0.0.1 > 127.0.0.1 icmp echo request")), r.out());
    assertTrue(why.stream().anyMatch(l -> l.contains("output route: 127.0.0.1 local dev lo")),
        r.out());
    assertTrue(why.contains("#   => received by ping"), r.out());
    assertTrue(why.contains("# ping: connect() in a: no route to 10.0.0.1 in any table the rules"
        + " lead to: Network is unreachable"), r.out());
    assertTrue(why.stream().anyMatch(l -> l.startsWith("# denied: CAP_NET_ADMIN in the initial"
        + " user namespace (owner of network namespace host) is missing")), r.out());
    // without --explain, nothing of it
    assertFalse(cli("run", f.toString()).out().contains("# "));
    // in JSON, an array per line
    JsonNode last = new ObjectMapper().readTree(
        cli("run", "--json", "--explain", f.toString()).out().lines().reduce((a, b) -> b)
            .orElseThrow());
    assertTrue(last.get("explain").get(0).asText().startsWith("denied: CAP_NET_ADMIN"));
  }

  @Test
  void runJsonHasOneObjectPerCommandLine(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("f.sh");
    Files.writeString(f, "# comment\n\nip link add v0 \\\n  type veth peer name v1\n"
        + "! ip link show nosuch\nip link | cat\n");
    Out r = cli("run", "--json", f.toString());
    List<String> lines = r.out().lines().toList();
    assertEquals(3, lines.size(), r.out());
    ObjectMapper om = new ObjectMapper();
    JsonNode a = om.readTree(lines.get(0));
    assertEquals(3, a.get("line").asInt());
    assertEquals(0, a.get("status").asInt());
    JsonNode b = om.readTree(lines.get(1));
    assertEquals(5, b.get("line").asInt());
    assertEquals(0, b.get("status").asInt(), "! turns the failure into success");
    assertEquals("Device \"nosuch\" does not exist.\n", b.get("stderr").asText());
    JsonNode c = om.readTree(lines.get(2));
    assertTrue(c.get("status").asInt() != 0);
    assertTrue(c.get("stderr").asText().contains("f.sh:6"));
    assertEquals(1, r.status());
  }

  @Test
  void unreadableFilesAndUnknownNamespacesAreClearErrors() {
    Out r = cli("run", "/nonexistent/x.sh");
    assertEquals(2, r.status());
    assertEquals("netsim: /nonexistent/x.sh: No such file or directory\n", r.err());
    Out m = cli("matrix", SEED.toString(), "--from", "nosuch");
    assertEquals(2, m.status());
    assertTrue(m.err().contains("no network namespace called \"nosuch\""), m.err());
  }
}
