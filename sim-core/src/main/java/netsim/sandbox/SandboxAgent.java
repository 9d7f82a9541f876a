package netsim.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The process inside the sandbox that runs a scenario's lines on the real kernel.
 *
 * <p>{@link SandboxSession} starts it as {@code unshare --mount --net --pid --fork --kill-child
 * --mount-proc --propagation private -- bash -c 'umask 022 && exec "$@"' bash java ...
 * SandboxAgent}, so it is PID 1 of a fresh PID namespace, inside fresh network and mount
 * namespaces. That position is the whole cleanup
 * guarantee: when the agent ends, for whatever reason, the kernel kills every process left in its
 * PID namespace, and the network namespaces, devices and mounts it made die with their last user.
 * The agent ends when its stdin reaches end of file, which happens as soon as the JVM that started
 * it closes the pipe or dies, even by SIGKILL; stdin is read on its own thread, so this holds in
 * the middle of a long command too. If {@code unshare} itself is killed, {@code --kill-child}
 * kills the agent.
 *
 * <p>Before it touches anything, the agent checks that it really is PID 1 and that its network and
 * mount namespaces are not the ones of the JVM that started it (passed as arguments), so running
 * it by hand on the host does nothing. Then it sets the sandbox up (see {@link #SETUP}): a tmpfs on
 * {@code /run}, so {@code /run/netns} and the working folder are new and nothing is created on the
 * host's file systems; {@code /proc/sys} read-only except {@code /proc/sys/net}, so even a line
 * that slipped past the language could not change a machine-wide setting; {@code lo} up.
 *
 * <p>Asked to, the agent opens a {@link World} inside the sandbox, and then runs lines there
 * until the world is closed or another is opened; see {@link SandboxPool}.
 */
public final class SandboxAgent {

  private SandboxAgent() {}

  static final Path WORK_DIR = Path.of("/run/netsim/work");
  static final Path OUT_DIR = Path.of("/run/netsim/out");

  /** The sandbox's set-up, in order: fixed argument vectors, nothing from a scenario. */
  static final List<List<String>> SETUP =
      List.of(
          List.of("mount", "-t", "tmpfs", "-o", "mode=0755,size=64m,nosuid,nodev",
              "netsim-sandbox", "/run"),
          List.of("mkdir", "-m", "0755", "/run/netns", "/run/netsim", OUT_DIR.toString()),
          List.of("mkdir", "-m", "1777", WORK_DIR.toString()),
          List.of("mount", "--bind", "/proc/sys", "/proc/sys"),
          List.of("mount", "-o", "remount,bind,ro", "/proc/sys"),
          List.of("mount", "--bind", "/proc/sys/net", "/proc/sys/net"),
          List.of("mount", "-o", "remount,bind,rw", "/proc/sys/net"),
          List.of("ip", "link", "set", "lo", "up"));

  private static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    String error;
    ProcessRunner runner = null;
    try {
      Map<String, String> opts = options(args);
      error = checkSandboxed(opts);
      if (error == null) {
        Duration limit = Duration.ofMillis(Long.parseLong(opts.get("--line-timeout-ms")));
        error = setUp();
        runner = new ProcessRunner(WORK_DIR, OUT_DIR, limit);
      }
    } catch (RuntimeException | IOException e) {
      error = "the agent could not start: " + e;
    }
    send(out, new AgentProtocol.Ready(error));
    if (error != null) {
      System.exit(3);
    }
    serve(runner, new World(runner), out);
  }

  private static Map<String, String> options(String[] args) {
    if (args.length != 6) {
      throw new IllegalArgumentException("expected --host-net N --host-mnt M --line-timeout-ms T");
    }
    return Map.of(args[0], args[1], args[2], args[3], args[4], args[5]);
  }

  /** Null when this process is PID 1 of its own PID, network and mount namespaces. */
  private static String checkSandboxed(Map<String, String> opts) {
    if (ProcessHandle.current().pid() != 1) {
      return "the agent runs only as PID 1 of a fresh PID namespace; it is PID "
          + ProcessHandle.current().pid();
    }
    for (String ns : List.of("net", "mnt")) {
      String outside = opts.get("--host-" + ns);
      String inside = Namespaces.id(ns);
      if (outside == null || inside == null || inside.equals(outside)) {
        return "the agent is not in a " + ns + " namespace of its own (" + inside + ")";
      }
    }
    return null;
  }

  private static String setUp() throws IOException, InterruptedException {
    for (List<String> argv : SETUP) {
      ProcessBuilder pb = new ProcessBuilder(argv).directory(new java.io.File("/"))
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .redirectErrorStream(true);
      pb.environment().clear();
      pb.environment().putAll(AgentCommand.ENVIRONMENT);
      Process p = pb.start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int status = p.waitFor();
      if (status != 0) {
        return "setting up the sandbox failed: `" + String.join(" ", argv) + "` exited "
            + status + ": " + output.strip();
      }
    }
    return null;
  }

  /** Answers requests until stdin ends; then halts, which ends the sandbox. */
  private static void serve(ProcessRunner runner, World world, PrintStream out)
      throws Exception {
    BlockingQueue<String> requests = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> readRequests(requests), "stdin");
    reader.setDaemon(true);
    reader.start();
    while (true) {
      send(out, answer(runner, world, requests.take()));
    }
  }

  /**
   * Queues each request line; at end of input (or any read error) halts the agent at once, even
   * while a command runs: the parent is gone, and nothing may outlive it.
   */
  private static void readRequests(BlockingQueue<String> requests) {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        requests.add(line);
      }
    } catch (IOException | RuntimeException e) {
      // fall through: treated as end of input
    }
    Runtime.getRuntime().halt(0);
  }

  private static AgentProtocol.Reply answer(ProcessRunner runner, World world, String line)
      throws InterruptedException {
    AgentProtocol.Request request;
    try {
      com.fasterxml.jackson.databind.JsonNode node = JSON.readTree(line);
      if (node != null && node.has("world")) {
        return worldControl(world, JSON.treeToValue(node, AgentProtocol.WorldRequest.class));
      }
      request = JSON.treeToValue(node, AgentProtocol.Request.class);
    } catch (IOException | IllegalArgumentException e) {
      return AgentProtocol.Reply.refused("malformed request");
    }
    if (request == null) {
      return AgentProtocol.Reply.refused("malformed request");
    }
    String why = AgentCommand.refusal(request);
    if (why != null) {
      return AgentProtocol.Reply.refused(why);
    }
    try {
      ProcessRunner.Result r = runner.run(world.wrap(AgentCommand.argv(request)));
      return new AgentProtocol.Reply(r.status(), r.stdout(), r.stderr(), null);
    } catch (IOException e) {
      return new AgentProtocol.Reply(ProcessRunner.CANNOT_RUN, "", "netsim: " + e + "\n", null);
    }
  }

  /** Opens or closes a world; the words are the protocol's own, never a command. */
  private static AgentProtocol.Reply worldControl(World world, AgentProtocol.WorldRequest r)
      throws InterruptedException {
    String error;
    if ("open".equals(r.world())) {
      error = world.open();
    } else if ("close".equals(r.world())) {
      world.close();
      error = null;
    } else {
      return AgentProtocol.Reply.refused("malformed request");
    }
    return error == null ? new AgentProtocol.Reply(0, "", "", null)
        : new AgentProtocol.Reply(1, "", error + "\n", null);
  }

  private static void send(PrintStream out, Object message) throws IOException {
    out.println(JSON.writeValueAsString(message));
    out.flush();
  }
}
