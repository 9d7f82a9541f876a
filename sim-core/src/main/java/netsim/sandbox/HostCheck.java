package netsim.sandbox;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whether this machine can run the kernel backend, and if not, what is missing, in words a person
 * can act on. Checks, in order: Linux, root, the tools (looked up only in {@link
 * AgentCommand#PATH}), a Java launcher, and that namespaces can be made at all (some containers
 * forbid {@code unshare}). The last check makes namespaces that die at once and changes nothing.
 */
final class HostCheck {

  private HostCheck() {}

  /** Each tool the sandbox runs, and the Debian package that has it. */
  static final Map<String, String> TOOLS = tools();

  private static Map<String, String> tools() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("unshare", "util-linux");
    m.put("setpriv", "util-linux");
    m.put("nsenter", "util-linux");
    m.put("mount", "mount");
    m.put("ip", "iproute2");
    m.put("iptables", "iptables");
    m.put("iptables-save", "iptables");
    m.put("ping", "iputils-ping");
    m.put("sysctl", "procps");
    m.put("bash", "bash");
    m.put("sh", "dash");
    for (String c : List.of("id", "cat", "touch", "stat", "mkdir")) {
      m.put(c, "coreutils");
    }
    return Map.copyOf(m);
  }

  private static Optional<String> cached;

  /** Empty when the kernel backend can run here; otherwise what is missing. */
  static synchronized Optional<String> unavailableReason() {
    if (cached == null) {
      cached = Optional.ofNullable(check());
    }
    return cached;
  }

  private static String check() {
    if (!System.getProperty("os.name", "").equals("Linux")) {
      return "the kernel backend needs Linux; this is " + System.getProperty("os.name");
    }
    if (effectiveUid() != 0) {
      return "the kernel backend needs root (it creates network namespaces); run it as root,"
          + " e.g. with sudo";
    }
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, String> t : TOOLS.entrySet()) {
      if (find(t.getKey()) == null) {
        missing.add("`" + t.getKey() + "` (Debian package " + t.getValue() + ")");
      }
    }
    if (!missing.isEmpty()) {
      return "the kernel backend needs these tools, which are missing from " + AgentCommand.PATH
          + ": " + String.join(", ", missing);
    }
    if (!Files.isExecutable(Path.of(javaCommand()))) {
      return "cannot find this JVM's java launcher (" + javaCommand() + ")";
    }
    return tryNamespaces();
  }

  /** Makes (and at once drops) the namespaces the sandbox and the language's unshare need. */
  private static String tryNamespaces() {
    List<List<String>> probes = List.of(
        List.of("--mount", "--net", "--pid", "--fork", "--kill-child", "--mount-proc",
            "--propagation", "private"),
        List.of("--user", "--map-root-user", "--net"));
    for (List<String> options : probes) {
      List<String> argv = new ArrayList<>();
      argv.add(find("unshare").toString());
      argv.addAll(options);
      argv.addAll(List.of("--", find("id").toString(), "-u"));
      try {
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(AgentCommand.ENVIRONMENT);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          return "`unshare " + String.join(" ", options) + "` did not finish";
        }
        if (p.exitValue() != 0) {
          return "cannot create namespaces here (`unshare " + String.join(" ", options)
              + "` failed: " + out.strip() + ")";
        }
      } catch (IOException e) {
        return "cannot run unshare: " + e.getMessage();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "interrupted";
      }
    }
    return null;
  }

  /** The effective user id, from {@code /proc/self/status}; -1 when it cannot be read. */
  static int effectiveUid() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return Integer.parseInt(line.substring(4).trim().split("\\s+")[1]);
        }
      }
    } catch (IOException | RuntimeException e) {
      // fall through
    }
    return -1;
  }

  /** The tool's absolute path in {@link AgentCommand#PATH}, or null. */
  static Path find(String tool) {
    for (String dir : AgentCommand.PATH.split(":")) {
      Path p = Path.of(dir, tool);
      if (Files.isExecutable(p) && !Files.isDirectory(p)) {
        return p;
      }
    }
    return null;
  }

  /** The java launcher of this JVM. */
  static String javaCommand() {
    return ProcessHandle.current().info().command()
        .filter(c -> c.endsWith("/java"))
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /** This JVM's class path with every entry made absolute (the agent starts in {@code /}). */
  static String classPath() {
    List<String> entries = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!e.isEmpty()) {
        entries.add(Path.of(e).toAbsolutePath().toString());
      }
    }
    return String.join(File.pathSeparator, entries);
  }
}
