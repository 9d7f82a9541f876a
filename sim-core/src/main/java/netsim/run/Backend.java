package netsim.run;

import java.util.List;
import netsim.script.Script;

/**
 * Something that runs a scenario and says, line by line, what each command did: the simulator,
 * or the real kernel in a sandbox. Both take the same parsed {@link Script}; refused lines are
 * reported with {@link LineResult#refused} and never run.
 */
public interface Backend {

  /** A short name for reports: {@code sim} or {@code kernel}. */
  String name();

  /**
   * Runs every line of the script in a fresh world and returns one result per line, in order.
   *
   * @throws BackendUnavailableException when this backend cannot run here at all
   */
  List<LineResult> run(Script script) throws BackendUnavailableException;
}
