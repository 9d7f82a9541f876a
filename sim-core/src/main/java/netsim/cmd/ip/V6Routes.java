package netsim.cmd.ip;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import netsim.model.Device;
import netsim.model.Fib;
import netsim.model.Mac;
import netsim.model.NetNs;

/**
 * The IPv6 routes the kernel makes for itself, which {@code ip -6 route} and
 * {@code ip route show table all} list: lo's {@code local ::1}, and for each device with IPv6
 * its {@code fe80::/64}, its {@code multicast ff00::/8} and, once DAD is done, the local route of
 * its link-local address. The model has no other IPv6.
 */
final class V6Routes {
  private V6Routes() {}

  private record R(int table, String type, String dst, Device dev, int metric) {}

  /** Appends the IPv6 routes of {@code table} (0: all) to the text or JSON output. */
  static void list(IpCtx ctx, int table, Device devFilter, StringBuilder sb, List<Object> json) {
    NetNs ns = ctx.ns();
    List<Device> v6 = new ArrayList<>();
    for (Device d : ns.devices()) {
      if (d.hasLinkLocal6()) {
        v6.add(d);
      }
    }
    v6.sort(Comparator.comparingLong(Device::linkLocal6Seq));
    List<R> routes = new ArrayList<>();
    if (table == 0 || table == Fib.TABLE_MAIN) {
      for (Device d : v6) {
        routes.add(new R(Fib.TABLE_MAIN, null, "fe80::/64", d, 256));
      }
    }
    if (table == 0 || table == Fib.TABLE_LOCAL) {
      Device lo = ns.lo();
      if (lo.hasLoopback6()) {
        routes.add(new R(Fib.TABLE_LOCAL, "local", "::1", lo, 0));
      }
      List<Device> done = new ArrayList<>();
      long now = ctx.proc.kernel().clock().now();
      for (Device d : v6) {
        if (now - d.linkLocal6Since() >= LinkView.DAD_MS) {
          done.add(d);
        }
      }
      done.sort((a, b) -> Long.compareUnsigned(eui64(a), eui64(b)));
      for (Device d : done) {
        routes.add(new R(Fib.TABLE_LOCAL, "local", Mac.linkLocal6(d.linkLocal6Mac()), d, 0));
      }
      for (Device d : v6) {
        routes.add(new R(Fib.TABLE_LOCAL, "multicast", "ff00::/8", d, 256));
      }
    }
    for (R r : routes) {
      if (devFilter != null && r.dev() != devFilter) {
        continue;
      }
      boolean linkdown = !r.dev().isLoopback() && !r.dev().carrierOk()
          && !"local".equals(r.type());
      String tbl = table == 0 && r.table() != Fib.TABLE_MAIN
          ? RouteNames.table(r.table()) : null;
      if (ctx.json()) {
        Json.Obj o = Json.obj();
        if (r.type() != null) {
          o.put("type", r.type());
        }
        o.put("dst", r.dst());
        if (devFilter == null) {
          o.put("dev", r.dev().name());
        }
        if (tbl != null) {
          o.put("table", tbl);
        }
        o.put("protocol", "kernel");
        o.put("metric", r.metric());
        List<Object> flags = Json.list();
        if (linkdown) {
          flags.add("linkdown");
        }
        o.put("flags", flags);
        o.put("pref", "medium");
        json.add(o);
      } else {
        if (r.type() != null) {
          sb.append(r.type()).append(' ');
        }
        sb.append(r.dst()).append(' ');
        if (devFilter == null) {
          sb.append("dev ").append(r.dev().name()).append(' ');
        }
        if (tbl != null) {
          sb.append("table ").append(tbl).append(' ');
        }
        sb.append("proto kernel metric ").append(r.metric()).append(' ');
        if (linkdown) {
          sb.append("linkdown ");
        }
        sb.append("pref medium\n");
      }
    }
  }

  /** The interface identifier of a device's link-local address, for the FIB's order. */
  private static long eui64(Device d) {
    long mac = d.mac();
    long b0 = ((mac >>> 40) & 0xFF) ^ 0x02;
    return (b0 << 56) | (((mac >>> 32) & 0xFF) << 48) | (((mac >>> 24) & 0xFF) << 40)
        | (0xFFL << 32) | (0xFEL << 24) | (mac & 0xFFFFFF);
  }
}
