package netsim.model;

/**
 * Route types ({@code RTN_*}), with iproute2's names and the error a lookup that ends on them
 * returns ({@code fib_props} in fib_semantics.c).
 */
public enum RouteType {
  UNSPEC("none", null),
  UNICAST("unicast", null),
  LOCAL("local", null),
  BROADCAST("broadcast", null),
  ANYCAST("anycast", null),
  MULTICAST("multicast", null),
  BLACKHOLE("blackhole", Errno.EINVAL),
  UNREACHABLE("unreachable", Errno.EHOSTUNREACH),
  PROHIBIT("prohibit", Errno.EACCES),
  THROW("throw", Errno.EAGAIN_MARKER),
  NAT("nat", Errno.EINVAL),
  XRESOLVE("xresolve", Errno.EINVAL);

  public final String text;
  /** The lookup error, or null for types that deliver; THROW carries a marker (EAGAIN). */
  public final Errno error;

  RouteType(String text, Errno error) {
    this.text = text;
    this.error = error;
  }

  /** Whether the route has no device and no gateway (blackhole, unreachable, prohibit, throw). */
  public boolean isReject() {
    return this == BLACKHOLE || this == UNREACHABLE || this == PROHIBIT || this == THROW;
  }

  public static RouteType parse(String s) {
    for (RouteType t : values()) {
      if (t.text.equals(s)) {
        return t;
      }
    }
    return null;
  }
}
