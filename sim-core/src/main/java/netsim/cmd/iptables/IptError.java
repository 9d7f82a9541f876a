package netsim.cmd.iptables;

/**
 * An error iptables reports and exits on, with its exact text and status. The kinds are
 * iptables' own ({@code enum xtables_exittype}): a parameter problem (status 2, followed by the
 * "Try `iptables -h'" line), an "other problem" (status 1), a version problem (status 3,
 * followed by "Perhaps iptables or your kernel needs to be upgraded."), and a failed netlink
 * exchange (status 4).
 */
final class IptError extends Exception {
  static final String TRY_HELP = "Try `iptables -h' or 'iptables --help' for more information.";

  private final String text;
  private final int status;

  private IptError(String text, int status) {
    super(text, null, false, false);
    this.text = text;
    this.status = status;
  }

  /** {@code xtables_error(PARAMETER_PROBLEM, msg)}: prefixed, then the help hint; status 2. */
  static IptError param(String prog, String msg) {
    return new IptError(prog + " " + Iptables.VERSION + ": " + msg + "\n" + TRY_HELP + "\n", 2);
  }

  /** A message printed bare before the help hint ({@code Bad argument `x'}); status 2. */
  static IptError bare(String msg) {
    return new IptError(msg + "\n" + TRY_HELP + "\n", 2);
  }

  /** {@code iptables: MSG.}: what iptables-nft says when its own checks refuse; status 1. */
  static IptError refused(String prog, String msg) {
    return new IptError(prog + ": " + msg + ".\n", 1);
  }

  /** {@code xtables_error(VERSION_PROBLEM, msg)}; status 3. */
  static IptError version(String prog, String msg) {
    return new IptError(prog + " " + Iptables.VERSION + ": " + msg
        + "\nPerhaps iptables or your kernel needs to be upgraded.\n", 3);
  }

  /** A prefixed message with no hint, and a given status. */
  static IptError other(String prog, String msg, int status) {
    return new IptError(prog + " " + Iptables.VERSION + ": " + msg + "\n", status);
  }

  /** Exactly this text, and this status. */
  static IptError raw(String text, int status) {
    return new IptError(text, status);
  }

  String text() {
    return text;
  }

  int status() {
    return status;
  }
}
