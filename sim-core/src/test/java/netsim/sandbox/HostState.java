package netsim.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * What the kernel backend must never change on this machine, read with read-only commands in this
 * machine's own namespaces: its devices, its named network namespaces, its mounts, whether
 * {@code /run/netns} exists, and its IPv4 forwarding switch.
 */
record HostState(Set<String> links, String netns, Set<String> mounts, boolean runNetns,
    String ipForward) {

  static HostState read() throws IOException, InterruptedException {
    Set<String> links = new TreeSet<>();
    for (String line : run("ip", "-o", "link").split("\n")) {
      String[] f = line.split(": ", 3);
      if (f.length == 3) {
        links.add(f[0] + ": " + f[1]);
      }
    }
    return new HostState(links, run("ip", "netns", "list"),
        new TreeSet<>(Files.readAllLines(Path.of("/proc/self/mountinfo"))),
        Files.exists(Path.of("/run/netns")),
        Files.readString(Path.of("/proc/sys/net/ipv4/ip_forward")).strip());
  }

  private static String run(String... argv) throws IOException, InterruptedException {
    List<String> cmd = new java.util.ArrayList<>(List.of(argv));
    cmd.set(0, HostCheck.find(argv[0]).toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(10, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(String.join(" ", argv) + " did not finish");
    }
    return out;
  }
}
