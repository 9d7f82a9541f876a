package netsim.cmd.userns;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import netsim.cmd.Io;
import netsim.cmd.Proc;
import netsim.sim.Simulator;

/**
 * Whatever the arguments, the tools answer with a status and text, as the real ones would, and
 * never throw: words from their own vocabulary, in any order, with odd values.
 */
class NeverCrashTest {
  private static final List<String> WORDS = List.of("-U", "-r", "-n", "-c", "-Ur", "-rn",
      "--user", "--map-user=5", "--map-user", "--map-group=x", "--map-root-user",
      "--map-current-user", "--setgroups", "allow", "deny", "--net", "--net=x", "--", "-",
      "--reuid=1000", "--regid=0", "--clear-groups", "--init-groups", "--groups", "4,,27",
      "--keep-groups", "--ruid=-1", "--euid=4294967295", "-c", "%u %U %Q %10.2n %", "%",
      "%.99999999999s %99999999999u %-0#.3x", "--format=%a%A%f",
      "--printf", "\\x4", "\\", "-t", "-u", "-g", "-G", "-n", "-z", "-a", "f", "nosuch", "/", ".",
      "/proc/self/uid_map", "/proc/self/status", "/proc/sys/net/ipv4", "/proc/sys/nope", "id",
      "cat", "touch", "stat", "true", "unshare", "setpriv", "99999999999999999999", "-1", "");

  @Provide
  Arbitrary<List<String>> argv() {
    return Arbitraries.of(WORDS).list().ofMaxSize(8);
  }

  @Property(tries = 2000)
  void toolsNeverThrow(@ForAll("argv") List<String> args,
      @ForAll("tools") String tool, @ForAll boolean asUser) {
    Simulator.Session s = new Simulator().newSession();
    Proc p = s.rootProc();
    if (asUser) {
      p = p.withCred(p.cred().setresuid(1000, 1000).setresgid(1000, 1000).setgroups(List.of())
          .afterExec());
    }
    Io io = new Io();
    List<String> argv = new ArrayList<>(List.of(tool));
    argv.addAll(args);
    int status = s.shell().exec(p, argv, io);
    assertTrue(status >= 0 && status <= 255, "status " + status);
  }

  @Provide
  Arbitrary<String> tools() {
    return Arbitraries.of("unshare", "setpriv", "id", "cat", "touch", "stat");
  }
}
