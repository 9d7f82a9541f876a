package netsim.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import netsim.run.LineResult;
import netsim.script.Script;
import netsim.script.ScriptLine;
import netsim.script.ScriptParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The kernel backend's cage, tested on the real kernel. */
@Tag("kernel")
class SandboxSafetyTest {

  @BeforeAll
  static void kernel() {
    KernelTests.requireKernel();
  }

  private static Script parse(String text) {
    return ScriptParser.parse("safety.sh", text);
  }

  @Test
  void refusedLinesNeverReachTheKernel() throws Exception {
    String text = """
        ip link add v0 type veth peer name v1
        ip link set v0 netns 1
        ip link set dev v1 netns 1
        sysctl -w kernel.domainname=netsim-escaped
        sysctl vm.swappiness=1
        echo netsim-escaped > /proc/sys/kernel/domainname
        bash -c 'true; sysctl -w kernel.domainname=netsim-escaped'
        sh -c 'ip link set v0 netns 1'
        ip netns exec nowhere sysctl -w kernel.domainname=netsim-escaped
        curl http://192.0.2.1/
        ip link | cat
        ip link show; ip link del v0
        /usr/sbin/ip link del v0
        ip link show v0
        """;
    List<ScriptLine> sent = new ArrayList<>();
    List<LineResult> results = new SandboxBackend(sent::add).run(parse(text));

    assertEquals(List.of(1, 14), sent.stream().map(ScriptLine::line).toList(),
        "only the two lines of the language may reach the sandbox");
    for (LineResult r : results.subList(1, 13)) {
      assertEquals(ScriptLine.REFUSED_STATUS, r.status(), r.command());
      assertTrue(r.stderr().startsWith("netsim: safety.sh:" + r.line() + ": "), r.stderr());
      assertEquals("", r.stdout());
    }
    assertEquals(0, results.get(13).status(), "v0 is still in the sandbox: " + results.get(13));
  }

  /** The agent checks every request again, so a line that skipped the parent's check is refused. */
  @Test
  void theAgentRefusesOnItsOwn() throws Exception {
    List<List<String>> escapes = List.of(
        List.of("sysctl", "-w", "kernel.domainname=netsim-escaped"),
        List.of("ip", "link", "set", "lo", "netns", "1"),
        List.of("bash", "-c", "sysctl -w vm.swappiness=1"),
        List.of("/usr/sbin/ip", "link"),
        List.of("nsenter", "-t", "1", "-n", "ip", "link"));
    try (SandboxSession session = SandboxSession.open()) {
      for (List<String> argv : escapes) {
        ScriptLine forged = new ScriptLine("forged.sh", 1, String.join(" ", argv), false, argv,
            null, null);
        AgentProtocol.Reply reply = session.run(forged);
        assertNotNull(reply.refusal(), "the agent ran " + argv + ": " + reply);
      }
      ScriptLine forgedRedirect = new ScriptLine("forged.sh", 1, "echo x > /proc/sys/kernel/x",
          false, List.of("echo", "x"), new netsim.script.Redirect("/proc/sys/kernel/x", false),
          null);
      assertNotNull(session.run(forgedRedirect).refusal());
    }
  }

  @Test
  void nothingChangesOnTheHost() throws Exception {
    HostState before = HostState.read();
    String text = """
        ip netns add a
        ip link add v0 type veth peer name v1 netns a
        ip link add br0 type bridge
        ip link set v0 master br0
        ip addr add 10.9.0.1/24 dev br0
        ip link set br0 up
        ip link set v0 up
        ip -n a link set v1 up
        ip -n a addr add 10.9.0.2/24 dev v1
        sysctl -w net.ipv4.ip_forward=1
        echo 1 > /proc/sys/net/ipv4/conf/all/forwarding
        iptables -A FORWARD -j ACCEPT
        ping -c1 -W1 10.9.0.2
        unshare -U -r -n ip link add v2 type veth peer name v3
        ip link add v4 type veth peer name v5
        ip link set v5 netns /proc/1/ns/net
        ip -n ../../proc/1/ns/net link add v6 type veth peer name v7
        ip netns list
        """;
    List<LineResult> results = new SandboxBackend().run(parse(text));
    for (LineResult r : results) {
      if (r.command().contains("/proc/1/ns/net")) {
        // a path to a namespace is refused by the language before anything runs (inside the
        // sandbox PID 1 is the agent, so even if it ran it would stay in the sandbox)
        assertEquals(2, r.status(), r.command());
        assertTrue(r.stderr().contains("is a path; name a namespace of the scenario instead"),
            r.stderr());
      } else {
        assertEquals(0, r.status(), r.command() + ": " + r.stderr());
      }
    }
    assertEquals("a (id: 0)\n", results.get(results.size() - 1).stdout());
    assertEquals(before, HostState.read());
  }

  /** Looks at a live sandbox from outside: its namespaces, mounts and working folder. */
  @Test
  void theSandboxIsPrivate() throws Exception {
    try (SandboxSession session = SandboxSession.open()) {
      long agent = agentPid(session);
      for (String ns : List.of("net", "mnt", "pid")) {
        assertNotEquals(Namespaces.id(ns), Namespaces.id(agent, ns), ns);
      }
      List<String> mounts = Files.readAllLines(Path.of("/proc", Long.toString(agent),
          "mountinfo"));
      assertTrue(mounts.stream().anyMatch(m -> m.matches("\\S+ \\S+ \\S+ / /run rw,.* tmpfs .*")),
          "a tmpfs on /run: " + mounts);
      assertTrue(mounts.stream().anyMatch(m -> m.matches("\\S+ \\S+ \\S+ /sys /proc/sys ro,.*")),
          "/proc/sys read-only: " + mounts);
      assertTrue(mounts.stream().anyMatch(m -> m.matches("\\S+ \\S+ \\S+ /sys/net /proc/sys/net rw,.*")),
          "/proc/sys/net writable: " + mounts);

      assertEquals("1777 root 2\n", run(session, "stat", "-c", "%a %U %h", ".").stdout(),
          "a fresh, empty working folder with mode 1777");
      String links = run(session, "ip", "-br", "link").stdout();
      assertEquals("lo               UNKNOWN        00:00:00:00:00:00 <LOOPBACK,UP,LOWER_UP> \n",
          links, "only lo, and it is up");
      assertEquals("", run(session, "ip", "netns", "list").stdout());
      assertEquals("", run(session, "iptables-save").stdout());
    }
  }

  static long agentPid(SandboxSession session) {
    return session.process().descendants()
        .filter(p -> p.info().commandLine().orElse("").contains(SandboxAgent.class.getName()))
        .filter(p -> p.parent().map(q -> q.pid() == session.process().pid()).orElse(false))
        .findFirst().orElseThrow().pid();
  }

  private static AgentProtocol.Reply run(SandboxSession session, String... argv)
      throws Exception {
    return session.run(new ScriptLine("t.sh", 1, String.join(" ", argv), false, List.of(argv),
        null, null));
  }

  @Test
  void killingUnshareEndsTheSandbox() throws Exception {
    SandboxSession session = SandboxSession.open();
    long agent = agentPid(session);
    Set<Long> sandbox = Processes.tree(session.process().pid());
    session.process().destroyForcibly();
    Processes.awaitGone(sandbox);
    assertTrue(!Processes.isLive(agent));
    session.close();
  }
}
