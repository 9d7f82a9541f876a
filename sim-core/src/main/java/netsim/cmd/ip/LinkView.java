package netsim.cmd.ip;

import java.util.ArrayList;
import java.util.List;
import netsim.model.Device;
import netsim.model.DeviceKind;
import netsim.model.IfAddr;
import netsim.model.Ip4;
import netsim.model.Mac;
import netsim.model.NetNs;
import netsim.model.Prefix;
import netsim.model.Scope;

/**
 * Lists devices and their addresses as {@code ip link show} ({@code doLink}) and
 * {@code ip addr show} print them: iproute2 6.1's {@code ipaddr_list_flush_or_save},
 * {@code print_linkinfo} and {@code print_addrinfo}, in text, brief, one-line and JSON forms.
 */
final class LinkView {
  /** DAD takes a random 0-1 s delay then one 1 s probe; the model takes the middle. */
  static final long DAD_MS = 1500;

  private final IpCtx ctx;
  private final boolean doLink;

  // filters
  private String filterDev;
  private boolean up;
  private String kind;
  private String master;
  private boolean nomaster;
  private Prefix to;
  private Scope scope;
  private boolean scopeAll;
  private String label;
  private Boolean secondaryFilter;
  private Boolean tentativeFilter;

  LinkView(IpCtx ctx, boolean doLink) {
    this.ctx = ctx;
    this.doLink = doLink;
  }

  private IpCtx.Family family() {
    return doLink ? IpCtx.Family.PACKET : ctx.family;
  }

  /** {@code ipaddr_list_flush_or_save} for list: reads the filters, then prints. */
  int list(Args a) {
    while (a.more()) {
      String w = a.peek();
      if (w.equals("to")) {
        String v = a.next();
        to = Prefix.parse(v);
        if (to == null) {
          throw IpFail.invarg("invalid \"to\"\n", v);
        }
      } else if (w.equals("scope")) {
        String v = a.next();
        scope = Scope.parse(v);
        if (scope == null) {
          if (!v.equals("all")) {
            throw IpFail.invarg("invalid \"scope\"\n", v);
          }
          scopeAll = true;
        }
      } else if (w.equals("up")) {
        up = true;
      } else if (w.equals("secondary") || w.equals("temporary")) {
        secondaryFilter = true;
      } else if (w.equals("primary")) {
        secondaryFilter = false;
      } else if (w.equals("tentative")) {
        tentativeFilter = true;
      } else if (w.equals("-tentative")) {
        tentativeFilter = false;
      } else if (w.equals("permanent") || w.equals("-dynamic")) {
        // IPv4 addresses and link-local ones are all permanent
      } else if (w.equals("label")) {
        label = a.next();
      } else if (w.equals("master")) {
        String v = a.next();
        if (ctx.dev(v) == null) {
          throw IpFail.invarg("Device does not exist\n", v);
        }
        master = v;
      } else if (w.equals("nomaster")) {
        nomaster = true;
      } else if (w.equals("type")) {
        kind = a.next();
      } else if (w.equals("group")) {
        String v = a.next();
        if (!v.equals("default") && !v.equals("0")) {
          throw IpFail.invarg("Invalid \"group\" value\n", v);
        }
      } else {
        if (w.equals("dev")) {
          w = a.next();
        } else if (Args.matches(w, "help")) {
          throw new IpFail(netsim.cmd.Usage.of(doLink ? "ip-link" : "ip-address"), 255);
        }
        if (filterDev != null) {
          throw IpFail.duparg2("dev", w);
        }
        filterDev = w;
      }
      a.skip();
    }
    NetNs ns = ctx.ns();
    List<Device> devs = new ArrayList<>();
    if (filterDev != null) {
      Device d = ns.device(filterDev);
      if (d == null) {
        throw new IpFail("Device \"" + filterDev + "\" does not exist.\n", 1);
      }
      devs.add(d);
    } else {
      devs.addAll(ns.devices());
    }
    for (Device d : devs) {
      if (d.peer() != null && d.peer().ns() != ns) {
        ns.nsidAlloc(d.peer().ns()); // rtnl_fill_link_netnsid allocates (A8)
      }
    }
    List<Object> json = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    for (Device d : devs) {
      if (!linkPasses(d)) {
        continue;
      }
      List<Addr> addrs = family() == IpCtx.Family.PACKET ? List.of() : addrsOf(d);
      if (family() != IpCtx.Family.PACKET && !addrFilterPasses(d, addrs)) {
        continue;
      }
      if (ctx.json()) {
        json.add(linkJson(d, addrs));
      } else if (ctx.brief > 0) {
        sb.append(briefLine(d, addrs));
      } else if (ctx.oneline > 0 && !doLink) {
        for (Addr ad : addrs) {
          String t = addrText(ad);
          sb.append(d.ifindex()).append(": ").append(d.name());
          sb.append(t.substring(0, t.length() - 1).replace("\n", "\\")).append('\n');
        }
      } else {
        String text = linkText(d);
        for (Addr ad : addrs) {
          text += addrText(ad);
        }
        if (ctx.oneline > 0) {
          text = text.substring(0, text.length() - 1).replace("\n", "\\") + "\n";
        }
        sb.append(text);
      }
    }
    if (ctx.json()) {
      ctx.printJson(json);
    } else {
      ctx.out(sb.toString());
    }
    return 0;
  }

  private boolean linkPasses(Device d) {
    if (up && !d.isUp()) {
      return false;
    }
    if (kind != null) {
      String k = d.kind.infoKind;
      if (kind.endsWith("_slave")) {
        String mk = d.master() == null ? null : d.master().kind.infoKind;
        if (!kind.equals(mk + "_slave")) {
          return false;
        }
      } else if (!kind.equals(k)) {
        return false;
      }
    }
    if (master != null && (d.master() == null || !d.master().name().equals(master))) {
      return false;
    }
    return !nomaster || d.master() == null;
  }

  /** An address to show: IPv4, or IPv6 (lo's ::1 and link-local ones). */
  record Addr(boolean v6, IfAddr v4, String v6text, int plen, String scope, boolean tentative,
      Device dev) {}

  private List<Addr> addrsOf(Device d) {
    List<Addr> out = new ArrayList<>();
    if (ctx.family != IpCtx.Family.INET6) {
      for (IfAddr a : d.addrs()) {
        if (addrPasses(a.scope(), a.secondary(), false, a.label(), a.local())) {
          out.add(new Addr(false, a, null, a.prefixLen(), a.scope().text, false, d));
        }
      }
    }
    if (ctx.family != IpCtx.Family.INET) {
      if (d.hasLoopback6()) {
        if (addrPasses(Scope.HOST, false, false, null, 0)) {
          out.add(new Addr(true, null, "::1", 128, "host", false, d));
        }
      } else if (d.hasLinkLocal6()) {
        boolean tent = ctx.proc.kernel().clock().now() - d.linkLocal6Since() < DAD_MS;
        if (addrPasses(Scope.LINK, false, tent, null, 0)) {
          out.add(new Addr(true, null, Mac.linkLocal6(d.linkLocal6Mac()), 64, "link", tent, d));
        }
      }
    }
    return out;
  }

  private boolean addrPasses(Scope s, boolean secondary, boolean tentative, String lbl, int v4) {
    if (scope != null && !scopeAll && s != scope) {
      return false;
    }
    if (secondaryFilter != null && secondaryFilter != secondary) {
      return false;
    }
    if (tentativeFilter != null && tentativeFilter != tentative) {
      return false;
    }
    if (label != null && (lbl == null || !globMatch(label, lbl))) {
      return false;
    }
    if (to != null) {
      return lbl != null && to.len() <= 32 && ((v4 ^ to.addr()) & to.mask()) == 0;
    }
    return true;
  }

  /** {@code ipaddr_filter}: with an address family asked, links without such an address go. */
  private boolean addrFilterPasses(Device d, List<Addr> shown) {
    boolean filtering = ctx.family != IpCtx.Family.UNSPEC || to != null || scope != null
        || label != null || secondaryFilter != null || tentativeFilter != null;
    if (!filtering) {
      return true;
    }
    boolean hasAny = !d.addrs().isEmpty() || d.hasLinkLocal6() || d.hasLoopback6();
    if (!hasAny) {
      return ctx.family == IpCtx.Family.UNSPEC;
    }
    return !shown.isEmpty();
  }

  private static boolean globMatch(String pattern, String s) {
    String re = pattern.replace(".", "\\.").replace("*", ".*").replace("?", ".");
    return s.matches(re);
  }

  // ------------------------------------------------------------------------------ text

  /** {@code name@peer}, or {@code name@ifN} when the peer lives in another namespace. */
  private String nameAndLink(Device d) {
    Device p = d.peer();
    if (p == null) {
      return d.name();
    }
    return d.name() + "@" + (p.ns() == d.ns() ? p.name() : "if" + p.ifindex());
  }

  private static boolean mDown(Device d) {
    return d.peer() != null && d.peer().ns() == d.ns() && !d.peer().isUp();
  }

  /** {@code print_link_flags}: NO-CARRIER first, then the IFF_ flags in the kernel's order. */
  static List<String> flags(Device d) {
    List<String> f = new ArrayList<>();
    boolean running = d.isUp() && d.operUp();
    if (d.isUp() && !running) {
      f.add("NO-CARRIER");
    }
    if (d.isLoopback()) {
      f.add("LOOPBACK");
    } else {
      f.add("BROADCAST");
      f.add("MULTICAST");
    }
    if (d.kind == DeviceKind.BRIDGE && false) {
      f.add("MASTER");
    }
    if (d.isUp()) {
      f.add("UP");
      if (d.carrierOk()) {
        f.add("LOWER_UP");
      }
    }
    return f;
  }

  private String flagsText(Device d) {
    List<String> f = flags(d);
    return "<" + String.join(",", f) + (mDown(d) ? ",M-DOWN" : "") + "> ";
  }

  private String linkText(Device d) {
    StringBuilder sb = new StringBuilder();
    sb.append(d.ifindex()).append(": ").append(nameAndLink(d)).append(": ");
    sb.append(flagsText(d));
    sb.append("mtu ").append(d.mtu()).append(' ');
    sb.append("qdisc ").append(d.qdisc()).append(' ');
    if (d.master() != null) {
      sb.append("master ").append(d.master().name()).append(' ');
    }
    sb.append("state ").append(d.operstate()).append(' ');
    if (doLink) {
      sb.append("mode DEFAULT ");
    }
    sb.append("group default ");
    sb.append("qlen ").append(d.txqlen());
    if (showsLinkLayer()) {
      sb.append("\n    link/").append(d.kind.linkType).append(' ').append(Mac.format(d.mac()));
      sb.append(" brd ").append(d.isLoopback() ? "00:00:00:00:00:00" : "ff:ff:ff:ff:ff:ff");
    }
    if (d.peer() != null && d.peer().ns() != d.ns()) {
      int id = d.ns().nsidOf(d.peer().ns());
      String name = nsidName(d.ns(), id);
      sb.append(name != null ? " link-netns " + name : " link-netnsid " + id);
    }
    if (ctx.details > 0) {
      sb.append(details(d));
    }
    sb.append('\n');
    return sb.toString();
  }

  /** print_linkinfo shows the link/ether line unless an address family was asked (or -d). */
  private boolean showsLinkLayer() {
    return family() == IpCtx.Family.UNSPEC || family() == IpCtx.Family.PACKET || ctx.details > 0;
  }

  /** {@code get_name_from_nsid}: a /run/netns name whose namespace has this id here. */
  private String nsidName(NetNs ns, int id) {
    NetNs peer = ns.peerByNsid(id);
    if (peer == null || peer.name() == null) {
      return null;
    }
    return ctx.proc.kernel().named(peer.name()) == peer ? peer.name() : null;
  }

  private int queues(Device d) {
    return d.kind == DeviceKind.VETH ? ctx.proc.kernel().profile().vethQueues() : 1;
  }

  private String details(Device d) {
    StringBuilder sb = new StringBuilder();
    // a bridge port is made promiscuous and allmulti (br_add_if); the bridge itself is not
    int portFlag = d.master() != null ? 1 : 0;
    sb.append(" promiscuity ").append(portFlag).append(' ');
    sb.append(" allmulti ").append(portFlag).append(' ');
    sb.append("minmtu ").append(d.kind.minMtu).append(' ');
    sb.append("maxmtu ").append(d.kind.maxMtu).append(' ');
    long now = ctx.proc.kernel().clock().now();
    if (d.kind.infoKind != null) {
      sb.append("\n    ").append(d.kind.infoKind).append(' ');
      if (d.kind == DeviceKind.BRIDGE) {
        sb.append(BridgeDetails.bridgeText(d, now));
      }
    }
    if (d.bridgePort() != null) {
      sb.append("\n    bridge_slave ").append(BridgeDetails.portText(d.bridgePort(), now));
    }
    if (doLink) {
      sb.append("addrgenmode eui64 ");
    }
    int q = queues(d);
    sb.append("numtxqueues ").append(q).append(" numrxqueues ").append(q).append(' ');
    sb.append("gso_max_size 65536 gso_max_segs 65535 tso_max_size ")
        .append(BridgeDetails.tsoMaxSize(d)).append(" tso_max_segs 65535 gro_max_size 65536 ");
    return sb.toString();
  }

  private String addrText(Addr a) {
    StringBuilder sb = new StringBuilder();
    if (a.v6()) {
      sb.append("    inet6 ").append(a.v6text()).append('/').append(a.plen()).append(' ');
      sb.append("scope ").append(a.scope()).append(' ');
      if (a.tentative()) {
        sb.append("tentative ");
      }
    } else {
      IfAddr ia = a.v4();
      sb.append("    inet ").append(Ip4.format(ia.local())).append('/').append(ia.prefixLen())
          .append(' ');
      if (ia.metric() != 0) {
        sb.append("metric ").append(Integer.toUnsignedString(ia.metric())).append(' ');
      }
      if (ia.broadcast() != 0) {
        sb.append("brd ").append(Ip4.format(ia.broadcast())).append(' ');
      }
      sb.append("scope ").append(ia.scope().text).append(' ');
      if (ia.secondary()) {
        sb.append("secondary ");
      }
      if (ia.noPrefixRoute()) {
        sb.append("noprefixroute ");
      }
      sb.append(ia.label());
    }
    sb.append("\n       valid_lft forever preferred_lft forever\n");
    return sb.toString();
  }

  private String briefLine(Device d, List<Addr> addrs) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%-16s ", nameAndLink(d)));
    sb.append(String.format("%-14s ", d.operstate()));
    if (family() == IpCtx.Family.PACKET) {
      sb.append(Mac.format(d.mac())).append(' ');
      sb.append(flagsText(d));
    } else {
      for (Addr a : addrs) {
        if (a.v6()) {
          sb.append(a.v6text()).append('/').append(a.plen()).append(' ');
        } else {
          sb.append(Ip4.format(a.v4().local())).append('/').append(a.plen()).append(' ');
        }
      }
    }
    sb.append('\n');
    return sb.toString();
  }

  // ------------------------------------------------------------------------------ json

  private Json.Obj linkJson(Device d, List<Addr> addrs) {
    Json.Obj o = Json.obj();
    if (ctx.brief > 0) {
      putLink(o, d);
      o.put("ifname", d.name());
      o.put("operstate", d.operstate().name());
      if (family() == IpCtx.Family.PACKET) {
        o.put("address", Mac.format(d.mac()));
        o.put("flags", new ArrayList<Object>(flagsWithMdown(d)));
      } else {
        List<Object> ai = Json.list();
        for (Addr a : addrs) {
          ai.add(Json.obj().put("local", a.v6() ? a.v6text() : Ip4.format(a.v4().local()))
              .put("prefixlen", a.plen()));
        }
        o.put("addr_info", ai);
      }
      return o;
    }
    o.put("ifindex", d.ifindex());
    putLink(o, d);
    o.put("ifname", d.name());
    o.put("flags", new ArrayList<Object>(flagsWithMdown(d)));
    o.put("mtu", d.mtu());
    o.put("qdisc", d.qdisc());
    if (d.master() != null) {
      o.put("master", d.master().name());
    }
    o.put("operstate", d.operstate().name());
    if (doLink) {
      o.put("linkmode", "DEFAULT");
    }
    o.put("group", "default");
    o.put("txqlen", d.txqlen());
    if (showsLinkLayer()) {
      o.put("link_type", d.kind.linkType);
      o.put("address", Mac.format(d.mac()));
      o.put("broadcast", d.isLoopback() ? "00:00:00:00:00:00" : "ff:ff:ff:ff:ff:ff");
    }
    if (d.peer() != null && d.peer().ns() != d.ns()) {
      o.put("link_netnsid", d.ns().nsidOf(d.peer().ns()));
    }
    if (ctx.details > 0) {
      int portFlag = d.master() != null ? 1 : 0;
      o.put("promiscuity", portFlag);
      o.put("allmulti", portFlag);
      o.put("min_mtu", d.kind.minMtu);
      o.put("max_mtu", d.kind.maxMtu);
      long now = ctx.proc.kernel().clock().now();
      if (d.kind.infoKind != null || d.bridgePort() != null) {
        Json.Obj li = Json.obj();
        if (d.kind.infoKind != null) {
          li.put("info_kind", d.kind.infoKind);
          if (d.kind == DeviceKind.BRIDGE) {
            li.put("info_data", BridgeDetails.bridgeJson(d, now));
          }
        }
        if (d.bridgePort() != null) {
          li.put("info_slave_kind", "bridge");
          li.put("info_slave_data", BridgeDetails.portJson(d.bridgePort(), now));
        }
        o.put("linkinfo", li);
      }
      if (doLink) {
        o.put("inet6_addr_gen_mode", "eui64");
      }
      int q = queues(d);
      o.put("num_tx_queues", q);
      o.put("num_rx_queues", q);
      o.put("gso_max_size", 65536);
      o.put("gso_max_segs", 65535);
      o.put("tso_max_size", BridgeDetails.tsoMaxSize(d));
      o.put("tso_max_segs", 65535);
      o.put("gro_max_size", 65536);
    }
    if (family() != IpCtx.Family.PACKET) {
      List<Object> ai = Json.list();
      for (Addr a : addrs) {
        ai.add(addrJson(a));
      }
      o.put("addr_info", ai);
    }
    return o;
  }

  /** print_name_and_link in JSON: the peer's name, or its index when it is elsewhere. */
  private static void putLink(Json.Obj o, Device d) {
    if (d.peer() != null) {
      if (d.peer().ns() == d.ns()) {
        o.put("link", d.peer().name());
      } else {
        o.put("link_index", d.peer().ifindex());
      }
    }
  }

  private static List<String> flagsWithMdown(Device d) {
    List<String> f = flags(d);
    if (mDown(d)) {
      f.add("M-DOWN");
    }
    return f;
  }

  private static Json.Obj addrJson(Addr a) {
    Json.Obj o = Json.obj();
    if (a.v6()) {
      o.put("family", "inet6");
      o.put("local", a.v6text());
      o.put("prefixlen", a.plen());
      o.put("scope", a.scope());
      if (a.tentative()) {
        o.put("tentative", true);
      }
    } else {
      IfAddr ia = a.v4();
      o.put("family", "inet");
      o.put("local", Ip4.format(ia.local()));
      o.put("prefixlen", ia.prefixLen());
      if (ia.metric() != 0) {
        o.put("metric", Integer.toUnsignedLong(ia.metric()));
      }
      if (ia.broadcast() != 0) {
        o.put("broadcast", Ip4.format(ia.broadcast()));
      }
      o.put("scope", ia.scope().text);
      if (ia.secondary()) {
        o.put("secondary", true);
      }
      if (ia.noPrefixRoute()) {
        o.put("noprefixroute", true);
      }
      o.put("label", ia.label());
    }
    o.put("valid_life_time", 4294967295L);
    o.put("preferred_life_time", 4294967295L);
    return o;
  }
}
