package netsim.cmd.ip;

/**
 * The {@code ip} tool stops: a message for stderr (already in iproute2's words) and its exit
 * status — 1 for iproute2's own errors, 2 for the kernel's refusals, 255 for command-line
 * errors ({@code exit(-1)}).
 */
final class IpFail extends RuntimeException {
  final int status;
  /** Stdout written before the failure, kept (a dump that fails part way). */
  final boolean keepStdout;

  IpFail(String message, int status) {
    this(message, status, true);
  }

  IpFail(String message, int status, boolean keepStdout) {
    super(message, null, false, false);
    this.status = status;
    this.keepStdout = keepStdout;
  }

  /** {@code invarg()}: {@code Error: argument "ARG" is wrong: MSG} (MSG may end in a newline). */
  static IpFail invarg(String msg, String arg) {
    return new IpFail("Error: argument \"" + arg + "\" is wrong: " + msg + "\n", 255);
  }

  /** {@code duparg2()}. */
  static IpFail duparg2(String key, String arg) {
    return new IpFail("Error: either \"" + key + "\" is duplicate, or \"" + arg
        + "\" is a garbage.\n", 255);
  }

  /** {@code duparg()}. */
  static IpFail duparg(String key, String arg) {
    return new IpFail("Error: duplicate \"" + key + "\": \"" + arg + "\" is the second value.\n",
        255);
  }

  /** {@code NEXT_ARG()} ran out. */
  static IpFail incomplete() {
    return new IpFail("Command line is not complete. Try option \"help\"\n", 255);
  }

  /** {@code nodev()}. */
  static IpFail nodev(String dev) {
    return new IpFail("Cannot find device \"" + dev + "\"\n", 1);
  }
}
