package netsim.cmd.ip;

import java.util.ArrayList;
import java.util.List;
import netsim.engine.RouteResult;
import netsim.model.Device;
import netsim.model.Fib;
import netsim.model.Ip4;
import netsim.model.Route;
import netsim.model.RouteType;
import netsim.model.Scope;

/**
 * Prints routes as iproute2 6.1's {@code print_route} does, in text and JSON. A field the listing
 * filtered on exactly (the device, the table) is not repeated on each line.
 */
final class RouteView {
  /** Which fields a filter fixed, so print_route leaves them out. */
  static final class Hide {
    boolean dev;
    boolean table;
    boolean protocol;
    boolean scope;
    boolean metric;
    boolean gateway;
    boolean prefsrc;
  }

  private RouteView() {}

  /** One FIB entry, as {@code ip route show} lists it. */
  static String text(Route r, IpCtx ctx, Hide hide, int tableFilter) {
    StringBuilder sb = new StringBuilder();
    if (r.type() != RouteType.UNICAST || ctx.details > 0) {
      sb.append(r.type().text).append(' ');
    }
    sb.append(dst(r)).append(' ');
    if (r.tos() != 0) {
      sb.append("tos 0x").append(String.format("%02x", r.tos())).append(' ');
    }
    if (r.gateway() != 0 && !hide.gateway) {
      sb.append("via ").append(Ip4.format(r.gateway())).append(' ');
    }
    if (r.dev() != null && !hide.dev) {
      sb.append("dev ").append(r.dev().name()).append(' ');
    }
    if ((r.table() != Fib.TABLE_MAIN || ctx.details > 0) && tableFilter == 0) {
      sb.append("table ").append(RouteNames.table(r.table())).append(' ');
    }
    if ((r.protocol() != 3 || ctx.details > 0) && !hide.protocol) {
      sb.append("proto ").append(RouteNames.proto(r.protocol())).append(' ');
    }
    if ((r.scope() != Scope.UNIVERSE || ctx.details > 0) && !hide.scope) {
      sb.append("scope ").append(r.scope().text).append(' ');
    }
    if (r.prefsrc() != 0 && !hide.prefsrc) {
      sb.append("src ").append(Ip4.format(r.prefsrc())).append(' ');
    }
    if (r.metric() != 0 && !hide.metric) {
      sb.append("metric ").append(Integer.toUnsignedString(r.metric())).append(' ');
    }
    sb.append(flagsText(r));
    sb.append('\n');
    return sb.toString();
  }

  static String dst(Route r) {
    if (r.dst().len() == 0) {
      return "default";
    }
    return r.dst().len() == 32 ? Ip4.format(r.dst().network())
        : Ip4.format(r.dst().network()) + "/" + r.dst().len();
  }

  private static List<String> flags(Route r) {
    List<String> f = new ArrayList<>();
    if (r.dead()) {
      f.add("dead");
    }
    if (r.onlink()) {
      f.add("onlink");
    }
    if (r.linkdown()) {
      f.add("linkdown");
    }
    return f;
  }

  private static String flagsText(Route r) {
    StringBuilder sb = new StringBuilder();
    for (String f : flags(r)) {
      sb.append(f).append(' ');
    }
    return sb.toString();
  }

  static Json.Obj json(Route r, IpCtx ctx, Hide hide, int tableFilter) {
    Json.Obj o = Json.obj();
    if (r.type() != RouteType.UNICAST || ctx.details > 0) {
      o.put("type", r.type().text);
    }
    o.put("dst", dst(r));
    if (r.tos() != 0) {
      o.put("tos", String.format("0x%02x", r.tos()));
    }
    if (r.gateway() != 0 && !hide.gateway) {
      o.put("gateway", Ip4.format(r.gateway()));
    }
    if (r.dev() != null && !hide.dev) {
      o.put("dev", r.dev().name());
    }
    if ((r.table() != Fib.TABLE_MAIN || ctx.details > 0) && tableFilter == 0) {
      o.put("table", RouteNames.table(r.table()));
    }
    if ((r.protocol() != 3 || ctx.details > 0) && !hide.protocol) {
      o.put("protocol", RouteNames.proto(r.protocol()));
    }
    if ((r.scope() != Scope.UNIVERSE || ctx.details > 0) && !hide.scope) {
      o.put("scope", r.scope().text);
    }
    if (r.prefsrc() != 0 && !hide.prefsrc) {
      o.put("prefsrc", Ip4.format(r.prefsrc()));
    }
    if (r.metric() != 0 && !hide.metric) {
      o.put("metric", Integer.toUnsignedLong(r.metric()));
    }
    o.put("flags", new ArrayList<Object>(flags(r)));
    return o;
  }

  /** The answer of {@code ip route get}: a cloned route, with cache flags. */
  static void printGet(IpCtx ctx, RouteResult rr, int dst, int from, Device iif, int mark,
      boolean redirect) {
    boolean input = iif != null;
    boolean local = rr.type() == RouteType.LOCAL;
    boolean brd = rr.type() == RouteType.BROADCAST;
    // __mkroute_output / ip_route_input_mc: RTCF_LOCAL for a group the device has joined
    boolean joined = rr.type() == RouteType.MULTICAST && rr.dev() != null
        && (input || rr.dev().hasJoined(dst));
    List<String> cache = new ArrayList<>();
    if (local || brd || joined || (rr.dev() != null && rr.dev().isLoopback() && !input)) {
      cache.add("local");
    }
    if (brd) {
      cache.add("brd");
    }
    if (redirect) {
      cache.add("redirect");
    }
    // RTCF_MULTICAST shares its bit with RTM_F_OFFLOAD_FAILED, which iproute2 prints
    boolean mc = rr.type() == RouteType.MULTICAST;
    if (mc) {
      cache.add("mc");
    }
    int shownGw = rr.gateway();
    int prefsrc = !input && rr.src() != from ? rr.src() : 0;
    String typeText = rr.type() != RouteType.UNICAST ? rr.type().text : null;
    if (ctx.json()) {
      Json.Obj o = Json.obj();
      if (typeText != null) {
        o.put("type", typeText);
      }
      o.put("dst", Ip4.format(dst));
      if (from != 0) {
        o.put("from", Ip4.format(from));
      }
      if (shownGw != 0) {
        o.put("gateway", Ip4.format(shownGw));
      }
      if (rr.dev() != null) {
        o.put("dev", rr.dev().name());
      }
      if (rr.table() != Fib.TABLE_MAIN && rr.table() != 0) {
        o.put("table", RouteNames.table(rr.table()));
      }
      if (prefsrc != 0) {
        o.put("prefsrc", Ip4.format(prefsrc));
      }
      List<Object> rtFlags = Json.list();
      if (mc) {
        rtFlags.add("rt_offload_failed");
      }
      o.put("flags", rtFlags);
      if (mark != 0) {
        o.put("mark", Integer.toUnsignedLong(mark));
      }
      if (!input) {
        o.put("uid", ctx.proc.cred().nsUid());
      }
      o.put("cache", new ArrayList<Object>(cache));
      if (input) {
        o.put("iif", iif.name());
      }
      List<Object> arr = Json.list();
      arr.add(o);
      ctx.printJson(arr);
      return;
    }
    StringBuilder sb = new StringBuilder();
    if (typeText != null) {
      sb.append(typeText).append(' ');
    }
    sb.append(Ip4.format(dst)).append(' ');
    if (from != 0) {
      sb.append("from ").append(Ip4.format(from)).append(' ');
    }
    if (shownGw != 0) {
      sb.append("via ").append(Ip4.format(shownGw)).append(' ');
    }
    if (rr.dev() != null) {
      sb.append("dev ").append(rr.dev().name()).append(' ');
    }
    if (rr.table() != Fib.TABLE_MAIN && rr.table() != 0) {
      sb.append("table ").append(RouteNames.table(rr.table())).append(' ');
    }
    if (prefsrc != 0) {
      sb.append("src ").append(Ip4.format(prefsrc)).append(' ');
    }
    if (mc) {
      sb.append("rt_offload_failed ");
    }
    if (mark != 0) {
      sb.append(Integer.compareUnsigned(mark, 16) >= 0
          ? "mark 0x" + Integer.toHexString(mark) + " " : "mark " + mark + " ");
    }
    if (!input) {
      sb.append("uid ").append(ctx.proc.cred().nsUid()).append(' ');
    }
    sb.append("\n    cache ");
    if (!cache.isEmpty()) {
      sb.append('<').append(String.join(",", cache)).append("> ");
    }
    if (input) {
      sb.append("iif ").append(iif.name()).append(' ');
    }
    sb.append('\n');
    ctx.out(sb.toString());
  }
}
