package netsim.model;

/**
 * The kernel refused a request: an errno and, where the kernel gives one, its extended-ack message
 * (netlink's "extack"), which iproute2 prints as {@code Error: MESSAGE.} instead of
 * {@code RTNETLINK answers: STRERROR}.
 *
 * <p>Model operations check everything before they change anything, so a thrown
 * KernelException always leaves the model as it was.
 */
public final class KernelException extends RuntimeException {
  public final Errno errno;
  public final String extack;

  public KernelException(Errno errno, String extack) {
    super(extack != null ? extack : errno.text, null, false, false);
    this.errno = errno;
    this.extack = extack;
  }

  public KernelException(Errno errno) {
    this(errno, null);
  }

  /** What iproute2 prints for a refused netlink request. */
  public String rtnetlinkMessage() {
    return extack != null ? "Error: " + extack + "." : "RTNETLINK answers: " + errno.text;
  }
}
