package netsim.engine;

import netsim.model.Device;
import netsim.model.Errno;
import netsim.model.FibResult;
import netsim.model.Route;
import netsim.model.RouteType;

/**
 * A routing decision ({@code struct rtable}): the type (unicast, local, broadcast, or the error
 * for a failed lookup), the output device, the gateway (0 for a direct route), the source chosen
 * for output, the table the route came from, and the FIB entry and rule that decided it.
 */
public record RouteResult(
    RouteType type, Device dev, int gateway, int src, int table, Route route, FibResult fib,
    Errno error) {

  public static RouteResult fail(Errno e, FibResult fib) {
    return new RouteResult(null, null, 0, 0, 0, fib == null ? null : fib.route(), fib, e);
  }

  public boolean failed() {
    return error != null;
  }

  /** The address the packet is handed to at layer 2: the gateway, or the destination. */
  public int nextHop(int dst) {
    return gateway != 0 ? gateway : dst;
  }

  /** Why a failed lookup failed, in the kernel's terms, for explanations. */
  public String whyFailed(int dst) {
    String d = netsim.model.Ip4.format(dst);
    if (fib != null && fib.route() != null && fib.route().type().error != null) {
      Route r = fib.route();
      return "the route to " + d + " is " + r.type().text + " ("
          + (r.dst().len() == 0 ? "default" : r.dst().toString()) + " in table " + r.table()
          + "): " + error.text;
    }
    if (fib != null && fib.rule() != null && fib.rule().action().error != null) {
      return "rule " + Integer.toUnsignedString(fib.rule().priority()) + " says "
          + fib.rule().action().name().toLowerCase() + " for " + d + ": " + error.text;
    }
    if (error == Errno.ENETUNREACH) {
      return "no route to " + d + " in any table the rules lead to: " + error.text;
    }
    return "the route lookup for " + d + " failed: " + error.text;
  }
}
