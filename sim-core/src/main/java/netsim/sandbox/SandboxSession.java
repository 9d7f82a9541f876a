package netsim.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import netsim.run.BackendUnavailableException;
import netsim.script.ScriptLine;

/**
 * One sandbox, seen from outside: starts {@link SandboxAgent} under {@code unshare}, sends it
 * scenario lines and reads back what they did; closing it (or this JVM dying) ends the sandbox.
 *
 * <p>The agent runs on the same class path as this JVM, with a cleared environment (only {@link
 * AgentCommand#ENVIRONMENT}), and JVM options chosen to start fast and to write nothing outside
 * the sandbox: no {@code /tmp/hsperfdata_*} file, no {@code hs_err} file or core dump in its
 * working folder (which is the host's {@code /}) if it ever crashes; a crash report goes to its
 * stderr, which this side keeps for the error message.
 */
public final class SandboxSession implements AutoCloseable {

  /** How long one line may run inside the sandbox before it is killed. */
  static final Duration LINE_LIMIT = Duration.ofSeconds(60);

  /** How long the agent may take to start and set the sandbox up. */
  private static final Duration START_LIMIT = Duration.ofSeconds(30);

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Stands for the end of the agent's output in {@link #replies}. */
  private static final String END = new String("END");

  private final Process process;
  private final Duration lineLimit;
  private final OutputStream requests;
  private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
  private final StringBuffer agentErrors = new StringBuffer();

  private SandboxSession(Process process, Duration lineLimit) {
    this.process = process;
    this.lineLimit = lineLimit;
    this.requests = process.getOutputStream();
    daemon("sandbox-replies", () -> readReplies(process.getInputStream()));
    daemon("sandbox-stderr", () -> readErrors(process.getErrorStream()));
  }

  /** Starts a sandbox and waits until it is set up. */
  public static SandboxSession open() throws BackendUnavailableException {
    return open(LINE_LIMIT);
  }

  /** Starts a sandbox whose lines may each run for {@code lineLimit}. */
  static SandboxSession open(Duration lineLimit) throws BackendUnavailableException {
    ProcessBuilder pb = new ProcessBuilder(command(lineLimit)).directory(Path.of("/").toFile());
    pb.environment().clear();
    pb.environment().putAll(AgentCommand.ENVIRONMENT);
    SandboxSession session;
    try {
      session = new SandboxSession(pb.start(), lineLimit);
    } catch (IOException e) {
      throw new BackendUnavailableException("cannot start the kernel sandbox: " + e.getMessage(),
          e);
    }
    try {
      AgentProtocol.Ready ready = session.next(START_LIMIT, AgentProtocol.Ready.class);
      if (ready.error() != null) {
        throw new BackendUnavailableException("the kernel sandbox could not be set up: "
            + ready.error());
      }
      return session;
    } catch (BackendUnavailableException e) {
      session.close();
      throw e;
    }
  }

  /**
   * Sets the umask that files created by scenarios get (as on a fresh machine), then becomes the
   * agent: exec keeps the PID, so the agent is still PID 1. A constant script; the command comes
   * as its positional parameters.
   */
  private static final String UMASK_THEN_EXEC = "umask 022 && exec \"$@\"";

  /** {@code unshare ... -- bash -c 'umask...' java ... SandboxAgent ...}, as an argument vector. */
  static List<String> command(Duration lineLimit) {
    List<String> argv = new ArrayList<>(List.of(HostCheck.find("unshare").toString(), "--mount",
        "--net", "--pid", "--fork", "--kill-child", "--mount-proc", "--propagation", "private",
        "--", "bash", "-c", UMASK_THEN_EXEC, "bash"));
    argv.addAll(List.of(HostCheck.javaCommand(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-Xshare:auto", "-XX:-UsePerfData", "-XX:+DisplayVMOutputToStderr",
        "-XX:+ErrorFileToStderr", "-XX:-CreateCoredumpOnCrash", "-Xss512k",
        // every line is a process: vfork spares each one jspawnhelper's extra exec
        "-Djdk.lang.Process.launchMechanism=VFORK",
        "-cp", HostCheck.classPath(), SandboxAgent.class.getName(),
        "--host-net", String.valueOf(Namespaces.id("net")),
        "--host-mnt", String.valueOf(Namespaces.id("mnt")),
        "--line-timeout-ms", Long.toString(lineLimit.toMillis())));
    return argv;
  }

  /**
   * Runs one line that the language accepted; the reply's status is the command's own, before a
   * leading {@code !} is applied.
   */
  AgentProtocol.Reply run(ScriptLine line) throws BackendUnavailableException {
    AgentProtocol.Request request = new AgentProtocol.Request(line.file(), line.line(), line.argv(),
        line.redirect() == null ? null : line.redirect().path(),
        line.redirect() != null && line.redirect().append());
    try {
      requests.write((JSON.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8));
      requests.flush();
    } catch (IOException e) {
      throw failure("the kernel sandbox stopped before line " + line.line());
    }
    return next(lineLimit.plusSeconds(10), AgentProtocol.Reply.class);
  }

  /**
   * Starts a fresh world in this sandbox, ending the current one: the lines that follow run in new
   * network and mount namespaces set up as the sandbox was, as if the sandbox were new (see
   * {@link World}).
   */
  void openWorld() throws BackendUnavailableException {
    world("open");
  }

  /** Ends the current world; what it made is gone. */
  void closeWorld() throws BackendUnavailableException {
    world("close");
  }

  private void world(String op) throws BackendUnavailableException {
    try {
      requests.write((JSON.writeValueAsString(new AgentProtocol.WorldRequest(op)) + "\n")
          .getBytes(StandardCharsets.UTF_8));
      requests.flush();
    } catch (IOException e) {
      throw failure("the kernel sandbox stopped");
    }
    AgentProtocol.Reply reply = next(START_LIMIT, AgentProtocol.Reply.class);
    if (reply.status() != 0 || reply.refusal() != null) {
      throw failure("the kernel sandbox could not " + op + " a world: "
          + (reply.refusal() != null ? reply.refusal() : reply.stderr().strip()));
    }
  }

  /** The {@code unshare} process at the top of the sandbox (for tests that look in from outside). */
  Process process() {
    return process;
  }

  private <T> T next(Duration limit, Class<T> type) throws BackendUnavailableException {
    String line;
    try {
      line = replies.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure("interrupted while waiting for the kernel sandbox");
    }
    if (line == null) {
      throw failure("the kernel sandbox did not answer within " + limit.toSeconds() + " s");
    }
    if (line == END) {
      throw failure("the kernel sandbox ended unexpectedly");
    }
    try {
      return JSON.readValue(line, type);
    } catch (JsonProcessingException e) {
      throw failure("the kernel sandbox answered something unexpected: " + line);
    }
  }

  private BackendUnavailableException failure(String what) {
    close();
    String errors = agentErrors.toString().strip();
    return new BackendUnavailableException(errors.isEmpty() ? what : what + ":\n" + errors);
  }

  /** Ends the sandbox: end of input makes the agent halt; if it does not, unshare is killed. */
  @Override
  public void close() {
    try {
      requests.close();
    } catch (IOException e) {
      // already closed: the agent sees end of input either way
    }
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void readReplies(InputStream in) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        replies.add(line);
      }
    } catch (IOException e) {
      // the agent is gone
    }
    replies.add(END);
  }

  private void readErrors(InputStream in) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (agentErrors.length() < 64 * 1024) {
          agentErrors.append(line).append('\n');
        }
      }
    } catch (IOException e) {
      // the agent is gone
    }
  }

  private static void daemon(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
  }
}
