package netsim.netfilter;

/**
 * A netfilter operation refused. {@link #kernel()} tells who refused: the kernel, when it
 * rejected the transaction iptables sent (iptables then prints {@code RULE_APPEND failed (...)}
 * and exits 4), or iptables itself before sending anything (it prints its own message and exits
 * 1). Nothing has changed when one is thrown.
 */
public final class NfException extends RuntimeException {

  /** The errno, with glibc's text. */
  public enum Reason {
    ENOENT("No such file or directory"),
    EEXIST("File exists"),
    E2BIG("Argument list too long"),
    EBUSY("Device or resource busy"),
    EINVAL("Invalid argument"),
    EMLINK("Too many links"),
    ENXIO("No such device or address");

    public final String text;

    Reason(String text) {
      this.text = text;
    }
  }

  private final Reason reason;
  private final boolean kernel;
  private final String chain;

  public NfException(Reason reason, boolean kernel, String chain) {
    super(reason + (kernel ? " from the kernel" : "") + " on chain " + chain);
    this.reason = reason;
    this.kernel = kernel;
    this.chain = chain;
  }

  public Reason reason() {
    return reason;
  }

  public boolean kernel() {
    return kernel;
  }

  /** The chain the operation was about, for the message. */
  public String chain() {
    return chain;
  }
}
