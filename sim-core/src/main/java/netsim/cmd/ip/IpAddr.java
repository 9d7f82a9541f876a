package netsim.cmd.ip;

import java.util.ArrayList;
import java.util.List;
import netsim.model.Device;
import netsim.model.Errno;
import netsim.model.IfAddr;
import netsim.model.Ip4;
import netsim.model.KernelException;
import netsim.model.NetNs;
import netsim.model.Prefix;
import netsim.model.Scope;

/** {@code ip address}: add, change, replace, delete, flush and list IPv4 addresses. */
final class IpAddr {
  private final IpCtx ctx;

  IpAddr(IpCtx ctx) {
    this.ctx = ctx;
  }

  int run(Args a) {
    if (!a.more()) {
      return new LinkView(ctx, false).list(a);
    }
    String w = a.take();
    if (Args.matches(w, "add")) {
      return modify(a, true, false);
    }
    if (Args.matches(w, "change") || w.equals("chg")) {
      return modify(a, false, true);
    }
    if (Args.matches(w, "replace")) {
      return modify(a, true, true);
    }
    if (Args.matches(w, "delete")) {
      return delete(a);
    }
    if (Args.matches(w, "list") || Args.matches(w, "show") || Args.matches(w, "lst")) {
      return new LinkView(ctx, false).list(a);
    }
    if (Args.matches(w, "flush")) {
      return flush(a);
    }
    if (Args.matches(w, "help")) {
      throw new IpFail(netsim.cmd.Usage.of("ip-address"), 255);
    }
    throw new IpFail("Command \"" + w + "\" is unknown, try \"ip address help\".\n", 255);
  }

  /** What {@code ipaddr_modify} collected. */
  private static final class Req {
    String dev;
    Prefix local;
    String localArg;
    boolean prefixGiven;
    String label;
    Scope scope;
    int brd;
    int brdMode; // 0 none, -1 "+", -2 "-", 1 explicit
    long metric = -1;
    boolean noprefixroute;
  }

  private Req parse(Args a) {
    Req r = new Req();
    while (a.more()) {
      String w = a.peek();
      if (w.equals("peer") || w.equals("remote")) {
        throw new IpFail("netsim: peer addresses are not modelled\n", 255);
      } else if (Args.matches(w, "broadcast") || w.equals("brd")) {
        String v = a.next();
        if (r.brdMode != 0) {
          throw IpFail.duparg("broadcast", v);
        }
        if (v.equals("+")) {
          r.brdMode = -1;
        } else if (v.equals("-")) {
          r.brdMode = -2;
        } else {
          r.brd = addr(v);
          r.brdMode = 1;
        }
      } else if (w.equals("anycast")) {
        addr(a.next());
      } else if (w.equals("scope")) {
        String v = a.next();
        r.scope = Scope.parse(v);
        if (r.scope == null) {
          throw IpFail.invarg("invalid scope value.", v);
        }
      } else if (w.equals("dev")) {
        r.dev = a.next();
      } else if (w.equals("label")) {
        r.label = a.next();
      } else if (Args.matches(w, "metric") || Args.matches(w, "priority")
          || Args.matches(w, "preference")) {
        String v = a.next();
        r.metric = IpRoute.u32(v, "\"metric\" value is invalid\n");
      } else if (Args.matches(w, "valid_lft") || Args.matches(w, "preferred_lft")) {
        String v = a.next();
        if (!v.equals("forever")) {
          throw new IpFail("netsim: address lifetimes are not modelled\n", 255);
        }
      } else if (w.equals("noprefixroute")) {
        r.noprefixroute = true;
      } else if (w.equals("home") || w.equals("nodad") || w.equals("mngtmpaddr")
          || w.equals("optimistic")) {
        ctx.io.err("Warning: " + w + " option can be set only for IPv6 addresses\n");
      } else if (w.equals("autojoin")) {
        // multicast only; nothing to model
      } else if (w.equals("secondary") || w.equals("temporary") || w.equals("dadfailed")
          || w.equals("deprecated") || w.equals("tentative") || w.equals("permanent")
          || w.equals("stable-privacy")) {
        ctx.io.err("Warning: " + w + " option is not mutable from userspace\n");
      } else {
        if (w.equals("local")) {
          w = a.next();
        }
        if (Args.matches(w, "help")) {
          throw new IpFail(netsim.cmd.Usage.of("ip-address"), 255);
        }
        if (r.local != null) {
          throw IpFail.duparg2("local", w);
        }
        r.localArg = w;
        r.local = prefix(w);
        r.prefixGiven = w.contains("/");
      }
      a.skip();
    }
    return r;
  }

  private int addr(String v) {
    if (v.contains(":")) {
      throw new IpFail("netsim: IPv6 addresses are not modelled\n", 255);
    }
    long x = Ip4.parse(v);
    if (x < 0) {
      throw new IpFail("Error: " + familyVerbose() + " address is expected rather than \""
          + v + "\".\n", 1);
    }
    return (int) x;
  }

  private Prefix prefix(String v) {
    if (v.contains(":") && !v.contains(".")) {
      throw new IpFail("netsim: IPv6 addresses are not modelled\n", 255);
    }
    Prefix p = Prefix.parse(v);
    if (p == null) {
      throw new IpFail("Error: " + familyVerbose() + " prefix is expected rather than \""
          + v + "\".\n", 1);
    }
    return p;
  }

  private String familyVerbose() {
    return switch (ctx.family) {
      case INET -> "inet";
      case INET6 -> "inet6";
      default -> "any valid";
    };
  }

  private int modify(Args a, boolean create, boolean replace) {
    Req r = parse(a);
    if (r.dev == null) {
      throw new IpFail("Not enough information: \"dev\" argument is required.\n", 1);
    }
    int bcast = r.brd;
    if (r.brdMode < 0 && r.local != null && r.local.len() <= 30) {
      int m = r.local.mask();
      bcast = r.brdMode == -1 ? (r.local.addr() | ~m) : (r.local.addr() & m);
    }
    Scope scope = r.scope != null ? r.scope
        : (r.local != null && Ip4.isLoopback(r.local.addr()) ? Scope.HOST : Scope.UNIVERSE);
    Device d = ctx.needDev(r.dev);
    ctx.requireNetAdmin();
    if (r.local == null) {
      throw new KernelException(Errno.EINVAL);
    }
    NetNs ns = ctx.ns();
    IfAddr existing = find(d, r.local);
    if (existing != null) {
      if (!replace || (create && !replace)) {
        throw new KernelException(Errno.EEXIST, "ipv4: Address already assigned");
      }
      return 0;
    }
    if (!create) {
      throw new KernelException(Errno.ENOENT);
    }
    ns.addAddress(d, new NetNs.AddrRequest(r.local.addr(), r.local.len(), scope,
        r.label != null ? r.label : d.name(), bcast, (int) Math.max(0, r.metric),
        r.noprefixroute));
    ctx.proc.kernel().addressAdded(d);
    return 0;
  }

  /** {@code find_matching_ifa}: same local address, same mask, same subnet. */
  private static IfAddr find(Device d, Prefix p) {
    for (IfAddr a : d.addrs()) {
      if (a.local() == p.addr() && a.prefixLen() == p.len()) {
        return a;
      }
    }
    return null;
  }

  private int delete(Args a) {
    Req r = parse(a);
    if (r.dev == null) {
      throw new IpFail("Not enough information: \"dev\" argument is required.\n", 1);
    }
    boolean wildcard = r.local != null && !r.prefixGiven;
    if (wildcard) {
      ctx.io.err("Warning: Executing wildcard deletion to stay compatible with old scripts.\n"
          + "         Explicitly specify the prefix length (" + r.localArg + "/32) to avoid "
          + "this warning.\n"
          + "         This special behaviour is likely to disappear in further releases,\n"
          + "         fix your scripts!\n");
    }
    Device d = ctx.needDev(r.dev);
    ctx.requireNetAdmin();
    for (IfAddr ia : d.addrs()) {
      if (r.local != null && ia.local() != r.local.addr()) {
        continue;
      }
      if (r.label != null && !r.label.equals(ia.label())) {
        continue;
      }
      if (r.local != null && !wildcard
          && (ia.prefixLen() != r.local.len() || !ia.matches(r.local.addr()))) {
        continue;
      }
      ctx.ns().deleteAddress(d, ia);
      return 0;
    }
    throw new KernelException(Errno.EADDRNOTAVAIL, "ipv4: Address not found");
  }

  private int flush(Args a) {
    if (!a.more()) {
      throw new IpFail("Flush requires arguments.\n", 1);
    }
    String dev = null;
    Prefix to = null;
    Scope scope = null;
    String label = null;
    while (a.more()) {
      String w = a.peek();
      if (w.equals("to")) {
        to = prefix(a.next());
      } else if (w.equals("scope")) {
        String v = a.next();
        scope = Scope.parse(v);
        if (scope == null && !v.equals("all")) {
          throw IpFail.invarg("invalid \"scope\"\n", v);
        }
      } else if (w.equals("label")) {
        label = a.next();
      } else {
        if (w.equals("dev")) {
          w = a.next();
        }
        if (dev != null) {
          throw IpFail.duparg2("dev", w);
        }
        dev = w;
      }
      a.skip();
    }
    List<Device> devs = new ArrayList<>();
    if (dev != null) {
      Device d = ctx.dev(dev);
      if (d == null) {
        throw new IpFail("Device \"" + dev + "\" does not exist.\n", 1);
      }
      devs.add(d);
    } else {
      devs.addAll(ctx.ns().devices());
    }
    ctx.requireNetAdmin();
    for (Device d : devs) {
      for (IfAddr ia : List.copyOf(d.addrs())) {
        if (!d.addrs().contains(ia)) {
          continue; // went with its primary
        }
        if (to != null && ((ia.local() ^ to.addr()) & to.mask()) != 0) {
          continue;
        }
        if (scope != null && ia.scope() != scope) {
          continue;
        }
        if (label != null && !label.equals(ia.label())) {
          continue;
        }
        if (ctx.family != IpCtx.Family.INET6) {
          ctx.ns().deleteAddress(d, ia);
        }
      }
      if (ctx.family != IpCtx.Family.INET && to == null && label == null
          && (scope == null || scope == Scope.LINK || scope == Scope.HOST)) {
        ctx.proc.kernel().flushIpv6(d, scope);
      }
    }
    return 0;
  }


}
