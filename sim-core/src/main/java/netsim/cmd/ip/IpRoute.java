package netsim.cmd.ip;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import netsim.engine.RouteResult;
import netsim.engine.Routing;
import netsim.model.Device;
import netsim.model.Errno;
import netsim.model.Fib;
import netsim.model.FibTable;
import netsim.model.Ip4;
import netsim.model.KernelException;
import netsim.model.NetNs;
import netsim.model.Prefix;
import netsim.model.Route;
import netsim.model.RouteType;
import netsim.model.Scope;

/**
 * {@code ip route}: parsing as iproute2 6.1's {@code iproute_modify} (with its own defaults: table
 * local for local and broadcast routes, scope link without a gateway, scope host for local
 * routes, protocol boot), listing and flushing with {@code iproute_list_flush_or_save}'s
 * selectors, and {@code ip route get} through {@link Routing}.
 */
final class IpRoute {
  private final IpCtx ctx;

  IpRoute(IpCtx ctx) {
    this.ctx = ctx;
  }

  int run(Args a) {
    if (!a.more()) {
      return list(a, false);
    }
    String w = a.take();
    if (Args.matches(w, "add")) {
      return modify(a, Fib.Nlm.ADD, false);
    }
    if (Args.matches(w, "change") || w.equals("chg")) {
      return modify(a, Fib.Nlm.CHANGE, false);
    }
    if (Args.matches(w, "replace")) {
      return modify(a, Fib.Nlm.REPLACE, false);
    }
    if (Args.matches(w, "prepend")) {
      return modify(a, Fib.Nlm.PREPEND, false);
    }
    if (Args.matches(w, "append")) {
      return modify(a, Fib.Nlm.APPEND, false);
    }
    if (Args.matches(w, "test")) {
      return modify(a, Fib.Nlm.TEST, false);
    }
    if (Args.matches(w, "delete")) {
      return modify(a, null, true);
    }
    if (Args.matches(w, "list") || Args.matches(w, "show") || Args.matches(w, "lst")) {
      return list(a, false);
    }
    if (Args.matches(w, "get")) {
      return get(a);
    }
    if (Args.matches(w, "flush")) {
      return list(a, true);
    }
    if (Args.matches(w, "help")) {
      throw new IpFail(netsim.cmd.Usage.of("ip-route"), 255);
    }
    throw new IpFail("Command \"" + w + "\" is unknown, try \"ip route help\".\n", 255);
  }

  static long u32(String v, String msg) {
    long x = RouteNames.parseU32(v);
    if (x < 0) {
      throw IpFail.invarg(msg, v);
    }
    return x;
  }

  private String familyVerbose(boolean set) {
    if (set || ctx.family == IpCtx.Family.INET) {
      return "inet";
    }
    return ctx.family == IpCtx.Family.INET6 ? "inet6" : "any valid";
  }

  private Prefix prefix(String v, boolean familySet) {
    if (v.equals("default") || v.equals("all") || v.equals("any")) {
      return Prefix.DEFAULT;
    }
    if (v.contains(":")) {
      throw new IpFail("netsim: IPv6 routes are not modelled\n", 255);
    }
    Prefix p = Prefix.parse(v);
    if (p == null) {
      throw new IpFail("Error: " + familyVerbose(familySet) + " prefix is expected rather than \""
          + v + "\".\n", 1);
    }
    return p;
  }

  private int address(String v, boolean familySet) {
    if (v.contains(":")) {
      throw new IpFail("netsim: IPv6 routes are not modelled\n", 255);
    }
    long x = Ip4.parse(v);
    if (x < 0) {
      throw new IpFail("Error: " + familyVerbose(familySet) + " address is expected rather than \""
          + v + "\".\n", 1);
    }
    return (int) x;
  }

  // ------------------------------------------------------------------------------ modify

  private int modify(Args a, Fib.Nlm flags, boolean delete) {
    int table = Fib.TABLE_MAIN;
    boolean tableOk = false;
    RouteType type = delete ? null : RouteType.UNICAST;
    boolean typeOk = false;
    Prefix dst = null;
    int gw = 0;
    int prefsrc = 0;
    long metric = -1;
    Scope scope = null;
    int proto = delete ? 0 : 3;
    boolean onlink = false;
    String dev = null;
    boolean familySet = ctx.family == IpCtx.Family.INET;
    while (a.more()) {
      String w = a.peek();
      if (w.equals("src")) {
        prefsrc = address(a.next(), familySet);
        familySet = true;
      } else if (w.equals("via")) {
        if (gw != 0) {
          throw IpFail.invarg("use nexthop syntax to specify multiple via\n", w);
        }
        String v = a.next();
        if (v.equals("inet")) {
          v = a.next();
        }
        gw = address(v, familySet);
        familySet = true;
      } else if (w.equals("from")) {
        throw new IpFail("netsim: source-specific routes are IPv6 only\n", 255);
      } else if (w.equals("tos") || Args.matches(w, "dsfield")) {
        String v = a.next();
        long t = RouteNames.parseU32(v);
        if (t < 0 || t > 255) {
          throw IpFail.invarg("\"tos\" value is invalid\n", v);
        }
      } else if (Args.matches(w, "metric") || Args.matches(w, "priority")
          || w.equals("preference")) {
        metric = u32(a.next(), "\"metric\" value is invalid\n");
      } else if (w.equals("scope")) {
        String v = a.next();
        scope = Scope.parse(v);
        if (scope == null) {
          throw IpFail.invarg("invalid \"scope\" value\n", v);
        }
      } else if (w.equals("onlink")) {
        onlink = true;
      } else if (Args.matches(w, "protocol")) {
        String v = a.next();
        long p = RouteNames.protoId(v);
        if (p < 0) {
          throw IpFail.invarg("\"protocol\" value is invalid\n", v);
        }
        proto = (int) p;
      } else if (Args.matches(w, "table")) {
        String v = a.next();
        long t = RouteNames.tableId(v);
        if (t < 0) {
          throw IpFail.invarg("\"table\" value is invalid\n", v);
        }
        table = (int) t;
        tableOk = true;
      } else if (w.equals("dev") || w.equals("oif")) {
        dev = a.next();
      } else if (w.equals("mtu") || w.equals("advmss") || w.equals("hoplimit")
          || w.equals("nexthop") || w.equals("encap") || w.equals("nhid")) {
        throw new IpFail("netsim: `" + w + "` routes are not modelled\n", 255);
      } else {
        if (w.equals("to")) {
          w = a.next();
        }
        if ((w.isEmpty() || w.charAt(0) < '0' || w.charAt(0) > '9')
            && RouteNames.type(w) != null) {
          type = RouteNames.type(w);
          typeOk = true;
          w = a.next();
        }
        if (Args.matches(w, "help")) {
          throw new IpFail(netsim.cmd.Usage.of("ip-route"), 255);
        }
        if (dst != null) {
          throw IpFail.duparg2("to", w);
        }
        dst = prefix(w, familySet);
        familySet = true;
      }
      a.skip();
    }
    if (dst == null) {
      throw new IpFail(netsim.cmd.Usage.of("ip-route"), 255);
    }
    Device d = null;
    if (dev != null) {
      d = ctx.needDev(dev);
    }
    RouteType effType = type == null ? RouteType.UNSPEC : type;
    if (!tableOk && (effType == RouteType.LOCAL || effType == RouteType.BROADCAST
        || effType == RouteType.NAT || effType == RouteType.ANYCAST)) {
      table = Fib.TABLE_LOCAL;
    }
    if (scope == null) {
      if (effType == RouteType.LOCAL || effType == RouteType.NAT) {
        scope = Scope.HOST;
      } else if (effType == RouteType.BROADCAST || effType == RouteType.MULTICAST
          || effType == RouteType.ANYCAST) {
        scope = Scope.LINK;
      } else if (effType == RouteType.UNICAST || effType == RouteType.UNSPEC) {
        scope = delete ? null : (gw == 0 ? Scope.LINK : Scope.UNIVERSE);
      } else {
        scope = delete ? null : Scope.UNIVERSE;
      }
    }
    ctx.requireNetAdmin();
    NetNs ns = ctx.ns();
    if (delete) {
      if (ns.fib().table(table) == null) {
        throw new KernelException(Errno.ESRCH, "FIB table does not exist");
      }
      ns.deleteRoute(new Fib.DeleteSpec(table, dst, typeOk ? type : null, scope, proto,
          (int) Math.max(0, metric), gw, d, prefsrc));
      return 0;
    }
    ns.addRoute(new NetNs.RouteRequest(table, type, dst, gw, d, proto, scope, prefsrc,
        (int) Math.max(0, metric), onlink), flags);
    return 0;
  }

  // ------------------------------------------------------------------------------ list

  /** The selectors of {@code ip route list|flush}. */
  private static final class Filter {
    int table = Fib.TABLE_MAIN;
    boolean all;
    Integer protocol;
    Scope scope;
    boolean scopeAll;
    RouteType type;
    Device dev;
    Long metric;
    Prefix via;
    Prefix src;
    Prefix root;
    Prefix match;
    boolean cache;
  }

  private int list(Args a, boolean flush) {
    if (flush && !a.more()) {
      throw new IpFail("\"ip route flush\" requires arguments.\n", 1);
    }
    Filter f = new Filter();
    String od = null;
    RouteView.Hide hide = new RouteView.Hide();
    while (a.more()) {
      String w = a.peek();
      if (Args.matches(w, "table")) {
        String v = a.next();
        long t = RouteNames.tableId(v);
        if (t < 0) {
          if (v.equals("all")) {
            f.all = true;
            f.table = 0;
          } else if (v.equals("cache")) {
            f.cache = true;
          } else if (v.equals("help")) {
            throw new IpFail(netsim.cmd.Usage.of("ip-route"), 255);
          } else {
            throw IpFail.invarg("table id value is invalid\n", v);
          }
        } else {
          f.table = (int) t;
          f.all = t == 0;
        }
      } else if (Args.matches(w, "cached") || Args.matches(w, "cloned")) {
        f.cache = true;
      } else if (Args.matches(w, "protocol")) {
        String v = a.next();
        long p = RouteNames.protoId(v);
        if (p < 0) {
          if (!v.equals("all")) {
            throw IpFail.invarg("invalid \"protocol\"\n", v);
          }
        } else {
          f.protocol = (int) p;
          hide.protocol = true;
        }
      } else if (Args.matches(w, "scope")) {
        String v = a.next();
        Scope s = Scope.parse(v);
        if (s == null) {
          if (!v.equals("all")) {
            throw IpFail.invarg("invalid \"scope\"\n", v);
          }
          f.scopeAll = true;
        } else {
          f.scope = s;
          hide.scope = true;
        }
      } else if (Args.matches(w, "type")) {
        String v = a.next();
        f.type = RouteNames.type(v);
        if (f.type == null) {
          throw IpFail.invarg("node type value is invalid\n", v);
        }
      } else if (w.equals("dev") || w.equals("oif")) {
        od = a.next();
      } else if (w.equals("iif") || w.equals("mark") || Args.matches(w, "realms")
          || w.equals("tos") || Args.matches(w, "dsfield")) {
        a.next();
      } else if (Args.matches(w, "metric") || Args.matches(w, "priority")
          || w.equals("preference")) {
        f.metric = u32(a.next(), "\"metric\" value is invalid\n");
        hide.metric = true;
      } else if (w.equals("via")) {
        String v = a.next();
        if (v.equals("inet")) {
          v = a.next();
        }
        f.via = prefix(v, false);
        hide.gateway = f.via.len() == 32;
      } else if (w.equals("src")) {
        f.src = prefix(a.next(), false);
        hide.prefsrc = f.src.len() == 32;
      } else if (Args.matches(w, "from")) {
        a.next();
      } else {
        if (Args.matches(w, "to")) {
          w = a.next();
        }
        if (Args.matches(w, "root")) {
          f.root = prefix(a.next(), false);
        } else if (Args.matches(w, "match")) {
          f.match = prefix(a.next(), false);
        } else {
          if (Args.matches(w, "exact")) {
            w = a.next();
          }
          Prefix p = prefix(w, false);
          f.match = p;
          f.root = p;
        }
      }
      a.skip();
    }
    if (od != null) {
      f.dev = ctx.needDev(od);
      hide.dev = true;
    }
    NetNs ns = ctx.ns();
    boolean v4 = ctx.family != IpCtx.Family.INET6;
    boolean v6 = ctx.family == IpCtx.Family.INET6 || (f.all && ctx.family == IpCtx.Family.UNSPEC);
    if (f.cache) {
      if (ctx.json()) {
        ctx.printJson(Json.list());
      }
      return 0;
    }
    List<Route> routes = new ArrayList<>();
    if (v4) {
      if (!f.all) {
        FibTable t = ns.fib().table(f.table);
        if (t == null) {
          if (ctx.json() && !flush) {
            ctx.out("[");
          }
          throw new IpFail("Error: ipv4: FIB table does not exist.\nDump terminated\n", 2);
        }
        routes.addAll(t.routes());
      } else {
        List<Map.Entry<Integer, FibTable>> ts = new ArrayList<>(ns.fib().tables().entrySet());
        ts.sort(Comparator.comparing((Map.Entry<Integer, FibTable> e) -> e.getKey() & 0xFF)
            .thenComparing(e -> e.getKey(), Comparator.reverseOrder()));
        for (Map.Entry<Integer, FibTable> e : ts) {
          routes.addAll(e.getValue().routes());
        }
      }
    }
    List<Route> shown = new ArrayList<>();
    for (Route r : routes) {
      if (passes(r, f)) {
        shown.add(r);
      }
    }
    if (flush) {
      ctx.requireNetAdmin();
      for (Route r : shown) {
        ns.deleteRoute(new Fib.DeleteSpec(r.table(), r.dst(), r.type(), r.scope(), r.protocol(),
            r.metric(), r.gateway(), r.dev(), r.prefsrc()));
      }
      return 0;
    }
    int tableFilter = f.all ? 0 : f.table;
    List<Object> json = Json.list();
    StringBuilder sb = new StringBuilder();
    for (Route r : shown) {
      if (ctx.json()) {
        json.add(RouteView.json(r, ctx, hide, tableFilter));
      } else {
        sb.append(RouteView.text(r, ctx, hide, tableFilter));
      }
    }
    if (v6) {
      V6Routes.list(ctx, f.all ? 0 : f.table, f.dev, sb, json);
    }
    if (ctx.json()) {
      ctx.printJson(json);
    } else {
      ctx.out(sb.toString());
    }
    return 0;
  }

  private static boolean passes(Route r, Filter f) {
    if (f.protocol != null && r.protocol() != f.protocol) {
      return false;
    }
    if (f.scope != null && r.scope() != f.scope) {
      return false;
    }
    if (f.type != null && r.type() != f.type) {
      return false;
    }
    if (f.dev != null && r.dev() != f.dev) {
      return false;
    }
    if (f.metric != null && Integer.toUnsignedLong(r.metric()) != f.metric) {
      return false;
    }
    if (f.via != null && (r.gateway() == 0 || !covers(f.via, r.gateway()))) {
      return false;
    }
    if (f.src != null && (r.prefsrc() == 0 || !covers(f.src, r.prefsrc()))) {
      return false;
    }
    Prefix d = r.dst();
    if (f.root != null && (f.root.len() > d.len() || !covers(f.root, d.network()))) {
      return false;
    }
    return f.match == null || (f.match.len() >= d.len() && d.contains(f.match.network()));
  }

  private static boolean covers(Prefix p, int a) {
    return ((a ^ p.addr()) & p.mask()) == 0;
  }

  // ------------------------------------------------------------------------------ get

  private int get(Args a) {
    int dst = 0;
    boolean found = false;
    int from = 0;
    String iif = null;
    String oif = null;
    int mark = 0;
    boolean fibmatch = false;
    while (a.more()) {
      String w = a.peek();
      if (w.equals("tos") || Args.matches(w, "dsfield")) {
        a.next();
      } else if (Args.matches(w, "from")) {
        String v = a.next();
        if (Args.matches(v, "help")) {
          throw new IpFail(netsim.cmd.Usage.of("ip-route"), 255);
        }
        Prefix p = prefix(v, false);
        from = p.addr();
      } else if (Args.matches(w, "iif")) {
        iif = a.next();
      } else if (Args.matches(w, "mark")) {
        String v = a.next();
        long m = RouteNames.parseU32(v);
        if (m < 0) {
          throw IpFail.invarg("invalid mark value", v);
        }
        mark = (int) m;
      } else if (Args.matches(w, "oif") || w.equals("dev")) {
        oif = a.next();
      } else if (Args.matches(w, "notify") || Args.matches(w, "connected")) {
        // nothing the model shows
      } else if (Args.matches(w, "fibmatch")) {
        fibmatch = true;
      } else if (Args.matches(w, "uid") || Args.matches(w, "sport") || Args.matches(w, "dport")
          || Args.matches(w, "ipproto")) {
        a.next();
      } else {
        if (w.equals("to")) {
          w = a.next();
        }
        if (Args.matches(w, "help")) {
          throw new IpFail(netsim.cmd.Usage.of("ip-route"), 255);
        }
        Prefix p = prefix(w, false);
        if (w.contains("/") && p.len() != 32) {
          ctx.io.err("Warning: /" + p.len()
              + " as prefix is invalid, only /32 (or none) is supported.\n");
        }
        dst = p.addr();
        found = true;
      }
      a.skip();
    }
    if (!found) {
      throw new IpFail("need at least a destination address\n", 1);
    }
    Device in = iif != null ? ctx.needDev(iif) : null;
    Device out = oif != null ? ctx.needDev(oif) : null;
    NetNs ns = ctx.ns();
    boolean redirect = false;
    RouteResult rr;
    if (in != null) {
      Routing.Input inp = Routing.input(ns, dst, from, in, mark);
      switch (inp.verdict()) {
        case LOCAL, BROADCAST, MULTICAST -> rr = inp.route() != null ? inp.route()
            : new RouteResult(RouteType.BROADCAST, ns.lo(), 0, 0, Fib.TABLE_MAIN, null, null,
                null);
        case FORWARD -> {
          rr = inp.route();
          redirect = inp.redirect();
        }
        case UNREACHABLE -> throw new KernelException(inp.error());
        default -> throw new KernelException(Errno.EINVAL);
      }
    } else {
      rr = Routing.output(ns, dst, from, out, mark);
      if (rr.failed()) {
        throw new KernelException(rr.error());
      }
    }
    if (fibmatch) {
      if (rr.route() == null) {
        throw new KernelException(Errno.ENETUNREACH);
      }
      RouteView.Hide hide = new RouteView.Hide();
      if (ctx.json()) {
        List<Object> arr = Json.list();
        arr.add(RouteView.json(rr.route(), ctx, hide, 0));
        ctx.printJson(arr);
      } else {
        ctx.out(RouteView.text(rr.route(), ctx, hide, 0));
      }
      return 0;
    }
    if (in != null && rr.type() == RouteType.LOCAL) {
      rr = new RouteResult(RouteType.LOCAL, ns.lo(), 0, 0, rr.table(), rr.route(), rr.fib(),
          null);
    }
    RouteView.printGet(ctx, rr, dst, from, in, mark, redirect);
    return 0;
  }


}
