package netsim.model;

/**
 * One route ({@code struct fib_alias} with its {@code fib_info}) in one table.
 *
 * @param table the table id (254 main, 255 local, ...)
 * @param dst the destination, host bits clear
 * @param gateway the gateway, 0 when none
 * @param dev the output device; null for reject types
 * @param protocol {@code rtm_protocol}: 2 kernel, 3 boot (what {@code ip route add} sends), ...
 * @param prefsrc the preferred source, 0 when none
 * @param metric the priority ({@code metric}/{@code preference})
 * @param onlink the gateway was declared on-link ({@code RTNH_F_ONLINK})
 * @param gwLocal the gateway is one of the namespace's own addresses: {@code fib_check_nh} gives
 *     the nexthop scope host, and {@code rt_set_nexthop} then never uses the gateway, so packets
 *     go straight to their destination on the route's device
 */
public record Route(
    int table, RouteType type, Prefix dst, int gateway, Device dev, int protocol, Scope scope,
    int prefsrc, int metric, int tos, boolean onlink, boolean gwLocal) {

  public Route(int table, RouteType type, Prefix dst, int gateway, Device dev, int protocol,
      Scope scope, int prefsrc, int metric, int tos, boolean onlink) {
    this(table, type, dst, gateway, dev, protocol, scope, prefsrc, metric, tos, onlink, false);
  }

  /** The next hop packets are handed to: the gateway, or 0 when on link (or the gateway is ours). */
  public int nextHop() {
    return gwLocal ? 0 : gateway;
  }

  public static final int PROTO_KERNEL = 2;
  public static final int PROTO_BOOT = 3;
  public static final int PROTO_STATIC = 4;

  public boolean hasGateway() {
    return gateway != 0;
  }

  /**
   * Whether the nexthop shows {@code linkdown}: its device lacks carrier. Host-scope routes
   * (local) never do: their nexthop scope is "nowhere", which link events skip.
   */
  public boolean linkdown() {
    return dev != null && scope != Scope.HOST && !dev.carrierOk();
  }

  /** Whether a lookup skips this route: linkdown with {@code ignore_routes_with_linkdown}. */
  public boolean dead() {
    return linkdown() && (dev.conf().ignoreRoutesWithLinkdown != 0
        || dev.ns().sysctls().all().ignoreRoutesWithLinkdown != 0);
  }

  public Route withMetric(int m) {
    return new Route(table, type, dst, gateway, dev, protocol, scope, prefsrc, m, tos, onlink,
        gwLocal);
  }
}
