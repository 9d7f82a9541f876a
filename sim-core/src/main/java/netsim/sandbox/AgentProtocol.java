package netsim.sandbox;

import java.util.List;

/**
 * The messages between {@link SandboxSession} (outside) and {@link SandboxAgent} (inside the
 * sandbox): one JSON object per line, on the agent's stdin and stdout.
 *
 * <p>The first line the agent writes is a {@link Ready}; after that it answers every {@link
 * Request} or {@link WorldRequest} with one {@link Reply}, in order. The protocol carries a scenario line's words, never a
 * shell string: the agent checks them against the scenario language again and decides itself how
 * to run them (see {@link AgentCommand}).
 */
final class AgentProtocol {

  private AgentProtocol() {}

  /**
   * One scenario line to run.
   *
   * @param file the scenario's name, for messages about nested {@code bash -c} lines
   * @param line the file line the command starts on, for bash's own messages
   * @param argv the command's words as the parser read them
   * @param redirectPath the file of {@code echo WORDS > FILE}, or null
   * @param append whether the redirection is {@code >>}
   */
  record Request(String file, int line, List<String> argv, String redirectPath, boolean append) {}

  /**
   * What the line did. {@code refusal} is non-null when the agent refused to run it (the parent's
   * check should have caught it first); then nothing ran.
   */
  record Reply(int status, String stdout, String stderr, String refusal) {
    static Reply refused(String why) {
      return new Reply(-1, "", "", why);
    }
  }

  /** The agent's first line: {@code error} is null when the sandbox is set up and ready. */
  record Ready(String error) {}

  /**
   * Starts a fresh {@link World} ({@code "open"}), ending the current one, or ends the current one
   * ({@code "close"}). The agent answers with a {@link Reply}: status 0, or 1 and why on stderr.
   * Lines that come while a world is open run in it.
   */
  record WorldRequest(String world) {}
}
