package netsim.model;

/**
 * The answer of a route lookup through the rules: the route found (possibly a reject type) and
 * the rule that led to it, or an error with no route (no rule matched, or a rule's action was
 * unreachable/prohibit/blackhole).
 */
public record FibResult(Route route, FibRule rule, Errno error) {

  public static FibResult error(Errno e, FibRule rule) {
    return new FibResult(null, rule, e);
  }

  /** The lookup failed: no route, a reject route, or a reject rule. */
  public boolean failed() {
    return error != null;
  }
}
