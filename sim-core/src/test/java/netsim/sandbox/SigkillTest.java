package netsim.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netsim.script.ScriptParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Nothing outlives a run, even when the JVM running it is killed with SIGKILL in the middle of a
 * line: no process, no namespace, no device, no mount.
 */
@Tag("kernel")
class SigkillTest {

  /** A scenario that makes one of everything, then pings for 20 s. */
  static final String SCENARIO = """
      ip netns add a
      ip link add v0 type veth peer name v1 netns a
      ip link add br0 type bridge
      ip addr add 10.9.0.1/24 dev v0
      ip link set v0 up
      ping -c 100 -i 0.2 127.0.0.1
      """;

  /** The JVM that gets killed: runs {@link #SCENARIO} on the kernel backend. */
  public static final class Victim {
    public static void main(String[] args) throws Exception {
      new SandboxBackend().run(ScriptParser.parse("victim.sh", SCENARIO));
      System.out.println("the run ended before it was killed");
    }
  }

  @BeforeAll
  static void kernel() {
    KernelTests.requireKernel();
  }

  @Test
  void sigkillMidRunLeavesNothingBehind() throws Exception {
    HostState before = HostState.read();
    Process jvm = new ProcessBuilder(HostCheck.javaCommand(), "-XX:-UsePerfData", "-cp",
        HostCheck.classPath(), Victim.class.getName()).redirectErrorStream(true).start();
    StringBuffer output = drain(jvm.getInputStream());
    try {
      ProcessHandle ping = awaitPing(jvm, output);
      long agent = ping.parent().orElseThrow().pid();
      String net = Namespaces.id(agent, "net");
      Set<String> named = nsfsMounts(agent);
      assertEquals(1, named.size(), "the scenario's netns `a` is mounted: " + named);
      Set<Long> sandbox = new TreeSet<>(Processes.tree(jvm.pid()));
      sandbox.remove(jvm.pid());

      jvm.destroyForcibly(); // SIGKILL
      jvm.waitFor();

      Processes.awaitGone(sandbox);
      assertEquals(Set.of(), Processes.inNamespace("net", net), "processes still in " + net);
      for (String ns : named) {
        assertEquals(Set.of(), Processes.mounting(ns), "mounts still holding " + ns);
      }
      assertEquals(before, HostState.read());
    } finally {
      jvm.destroyForcibly();
    }
  }

  private static ProcessHandle awaitPing(Process jvm, StringBuffer output) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      Optional<ProcessHandle> ping = jvm.descendants()
          .filter(p -> p.info().commandLine().orElse("").contains("ping -c 100"))
          .findFirst();
      if (ping.isPresent()) {
        return ping.get();
      }
      assertFalse(!jvm.isAlive(), "the victim JVM ended early: " + output);
      Thread.sleep(50);
    }
    return fail("the long ping never started: " + output);
  }

  /** The network namespaces bind-mounted in a process's mount table, as {@code net:[N]}. */
  private static Set<String> nsfsMounts(long pid) throws IOException {
    Set<String> out = new TreeSet<>();
    Matcher m = Pattern.compile("net:\\[\\d+\\]")
        .matcher(Files.readString(Path.of("/proc", Long.toString(pid), "mountinfo")));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static StringBuffer drain(InputStream in) {
    StringBuffer sb = new StringBuffer();
    Thread t = new Thread(() -> {
      try {
        sb.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        // the JVM is gone
      }
    });
    t.setDaemon(true);
    t.start();
    return sb;
  }
}
