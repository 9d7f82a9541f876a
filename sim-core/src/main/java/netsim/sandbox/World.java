package netsim.sandbox;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A fresh world inside a running sandbox, so that one sandbox can run many scripts, each as if
 * it had the sandbox to itself; used by the agent only.
 *
 * <p>A world is one process, the <em>holder</em>, started by the agent with a constant argument
 * vector: {@code unshare --net --mount --propagation private -- bash -c SETUP}. SETUP (a constant
 * script, nothing from a scenario) does in the new mount and network namespaces what the agent
 * did for the sandbox: a tmpfs on {@code /run} (so {@code /run/netns} and the working folder are
 * new), the working folder of mode 1777, {@code lo} up; then it says {@code ready} and sleeps.
 * {@code /proc/sys} is read-only but for {@code net} there too, since a new mount namespace copies
 * the sandbox's mounts. Each scenario line then runs as {@code nsenter -t HOLDER --net --mount
 * --wd -- ARGV}, in the holder's namespaces and working folder.
 *
 * <p>Ending a world kills the holder. Nothing else lives in its namespaces (the agent kills what
 * a line leaves behind after every line), so its mount namespace goes, with the tmpfs and the
 * {@code /run/netns} mounts that held its named network namespaces; they, the world's own network
 * namespace and all their devices then go too. Everything stays inside the sandbox either way:
 * the holder is a child of the agent, PID 1 of the sandbox.
 */
final class World {

  /** The world's set-up; the holder's namespaces are already new when it runs. */
  static final String SETUP = String.join("\n",
      "set -e",
      "mount -t tmpfs -o mode=0755,size=64m,nosuid,nodev netsim-world /run",
      "mkdir -m 0755 /run/netns /run/netsim",
      "mkdir -m 1777 " + SandboxAgent.WORK_DIR,
      "ip link set lo up",
      "cd " + SandboxAgent.WORK_DIR,
      "echo ready",
      "exec sleep infinity");

  /** How long a world may take to be set up. */
  private static final long START_LIMIT_MS = 20_000;

  private final ProcessRunner runner;
  private Process holder;

  World(ProcessRunner runner) {
    this.runner = runner;
  }

  /** Ends the current world, if any, and starts a fresh one; null when ready, else why not. */
  String open() throws InterruptedException {
    close();
    List<String> argv = List.of("unshare", "--net", "--mount", "--propagation", "private", "--",
        "bash", "-c", SETUP, "netsim-world");
    ProcessBuilder pb = new ProcessBuilder(argv).directory(new File("/"))
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectErrorStream(true);
    pb.environment().clear();
    pb.environment().putAll(AgentCommand.ENVIRONMENT);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      return "cannot start a world: " + e.getMessage();
    }
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          lines.add(line);
        }
      } catch (IOException e) {
        // the holder is gone
      }
      lines.add("");
    }, "world-holder");
    reader.setDaemon(true);
    reader.start();
    List<String> said = new ArrayList<>();
    long until = System.currentTimeMillis() + START_LIMIT_MS;
    while (true) {
      String line = lines.poll(Math.max(1, until - System.currentTimeMillis()),
          TimeUnit.MILLISECONDS);
      if (line != null && line.equals("ready")) {
        holder = p;
        runner.spare(p.pid());
        return null;
      }
      if (line == null || line.isEmpty() && !p.isAlive()) {
        p.destroyForcibly();
        p.waitFor(5, TimeUnit.SECONDS);
        return "setting up a world failed: " + String.join("\n", said).strip();
      }
      said.add(line);
    }
  }

  /** Ends the current world (its holder, and with it its namespaces and mounts). */
  void close() throws InterruptedException {
    if (holder != null) {
      runner.spare(-1);
      holder.destroyForcibly();
      holder.waitFor(5, TimeUnit.SECONDS);
      holder = null;
    }
  }

  /** The argument vector that runs {@code argv} in the current world (or as is, without one). */
  List<String> wrap(List<String> argv) {
    if (holder == null) {
      return argv;
    }
    List<String> out = new ArrayList<>(List.of("nsenter", "-t", Long.toString(holder.pid()),
        "--net", "--mount", "--wd", "--"));
    out.addAll(argv);
    return out;
  }
}
