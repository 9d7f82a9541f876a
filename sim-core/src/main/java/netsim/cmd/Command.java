package netsim.cmd;

import java.util.List;

/**
 * One tool of the scenario language ({@code ip}, {@code sysctl}, {@code ping}, ...): reads its
 * arguments as the real tool does, acts on the model as the kernel would, and writes the real
 * tool's output; returns the real tool's exit status.
 */
@FunctionalInterface
public interface Command {
  /**
   * @param p the process it runs as
   * @param args the arguments, without the command's own name
   * @param io where its output goes
   * @return the exit status
   */
  int run(Proc p, List<String> args, Io io);
}
