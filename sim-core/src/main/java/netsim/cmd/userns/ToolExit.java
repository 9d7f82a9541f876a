package netsim.cmd.userns;

import netsim.cmd.Io;

/**
 * A tool ending early, as with {@code err()} or {@code errx()}: the message is already written,
 * and {@link #status} is the exit status. Tools catch it at their entry point only.
 */
final class ToolExit extends RuntimeException {
  final int status;

  private ToolExit(int status) {
    super(null, null, false, false);
    this.status = status;
  }

  /** Writes {@code message} and a newline to stderr; the tool then exits with {@code status}. */
  static ToolExit with(Io io, int status, String message) {
    io.errln(message);
    return new ToolExit(status);
  }
}
