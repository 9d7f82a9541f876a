package netsim.model;

/**
 * A policy routing rule ({@code struct fib4_rule}).
 *
 * @param priority the preference; rules are tried in ascending order
 * @param not the selector is inverted
 * @param src the source selector; null means {@code all}
 * @param dst the destination selector; null means {@code all}
 * @param iif the input interface name (the kernel keeps the name), or null
 * @param oif the output interface name, or null
 * @param fwmark the mark to match, with {@code fwmask}; 0/0 means no mark selector
 * @param tos the TOS to match; 0 means any
 * @param action what a match does
 * @param table the table for {@link Action#TO_TBL}
 * @param suppressPrefixLen {@code suppress_prefixlength}, -1 when not set
 * @param protocol the rule's protocol ({@code proto kernel} for the default rules)
 */
public record FibRule(
    int priority, boolean not, Prefix src, Prefix dst, String iif, String oif, int fwmark,
    int fwmask, int tos, Action action, int table, int suppressPrefixLen, int protocol) {

  /** Rule actions ({@code FR_ACT_*}). */
  public enum Action {
    TO_TBL(null),
    GOTO(null),
    NOP(null),
    BLACKHOLE(Errno.EINVAL),
    UNREACHABLE(Errno.ENETUNREACH), // fib4_rule_action: unlike an unreachable route (EHOSTUNREACH)
    PROHIBIT(Errno.EACCES);

    /** The lookup error for the actions that end in one. */
    public final Errno error;

    Action(Errno error) {
      this.error = error;
    }
  }

  public static FibRule lookup(int priority, int table, int protocol) {
    return new FibRule(priority, false, null, null, null, null, 0, 0, 0, Action.TO_TBL, table, -1,
        protocol);
  }

  /** {@code fib_rule_match} with {@code fib4_rule_match}. */
  public boolean matches(Flow f) {
    boolean m = selectorsMatch(f);
    return not != m;
  }

  private boolean selectorsMatch(Flow f) {
    if (iif != null) {
      String in = f.iif() == null ? "lo" : f.iif().name();
      if (!iif.equals(in)) {
        return false;
      }
    }
    if (oif != null && (f.oif() == null || !oif.equals(f.oif().name()))) {
      return false;
    }
    if (((fwmark ^ f.mark()) & fwmask) != 0) {
      return false;
    }
    if (src != null && ((f.src() ^ src.addr()) & src.mask()) != 0) {
      return false;
    }
    if (dst != null && ((f.dst() ^ dst.addr()) & dst.mask()) != 0) {
      return false;
    }
    return tos == 0 || tos == f.tos();
  }
}
