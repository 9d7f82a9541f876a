package netsim.run;

/** A backend cannot run on this machine (not root, a tool missing, ...); the message says what. */
public final class BackendUnavailableException extends Exception {
  public BackendUnavailableException(String message) {
    super(message);
  }

  public BackendUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
