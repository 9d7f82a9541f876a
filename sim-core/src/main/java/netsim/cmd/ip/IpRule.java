package netsim.cmd.ip;

import java.util.List;
import netsim.model.FibRule;
import netsim.model.Ip4;
import netsim.model.Prefix;

/** {@code ip rule}: policy routing rules, parsed as iproute2 6.1's {@code iprule_modify}. */
final class IpRule {
  private final IpCtx ctx;

  IpRule(IpCtx ctx) {
    this.ctx = ctx;
  }

  int run(Args a) {
    if (!a.more()) {
      return list(a);
    }
    String w = a.take();
    if (Args.matches(w, "add")) {
      return modify(a, true);
    }
    if (Args.matches(w, "delete")) {
      return modify(a, false);
    }
    if (Args.matches(w, "flush")) {
      ctx.requireNetAdmin();
      for (FibRule r : List.copyOf(ctx.ns().fib().rules())) {
        if (r.priority() != 0) {
          ctx.ns().deleteRule(r, true, true);
        }
      }
      return 0;
    }
    if (Args.matches(w, "list") || Args.matches(w, "show") || Args.matches(w, "lst")) {
      return list(a);
    }
    if (Args.matches(w, "help")) {
      throw new IpFail(netsim.cmd.Usage.of("ip-rule"), 255);
    }
    throw new IpFail("Command \"" + w + "\" is unknown, try \"ip rule help\".\n", 255);
  }

  private Prefix prefix(String v) {
    if (v.equals("all") || v.equals("default") || v.equals("any")) {
      return null;
    }
    Prefix p = Prefix.parse(v);
    if (p == null) {
      throw new IpFail("Error: " + (ctx.family == IpCtx.Family.INET ? "inet" : "any valid")
          + " prefix is expected rather than \"" + v + "\".\n", 1);
    }
    return p;
  }

  private int modify(Args a, boolean add) {
    if (!a.more()) {
      throw new IpFail("\"ip rule " + (add ? "add" : "del") + "\" requires arguments.\n", 1);
    }
    boolean not = false;
    Prefix src = null;
    Prefix dst = null;
    long pref = -1;
    int tos = 0;
    long fwmark = 0;
    long fwmask = 0;
    boolean markGiven = false;
    int table = 0;
    boolean tableOk = false;
    int proto = 0;
    int supPl = -1;
    String iif = null;
    String oif = null;
    FibRule.Action action = add ? FibRule.Action.TO_TBL : null;
    while (a.more()) {
      String w = a.peek();
      if (w.equals("not")) {
        not = true;
      } else if (w.equals("from")) {
        src = prefix(a.next());
      } else if (w.equals("to")) {
        dst = prefix(a.next());
      } else if (Args.matches(w, "preference") || Args.matches(w, "order")
          || Args.matches(w, "priority")) {
        String v = a.next();
        pref = RouteNames.parseU32(v);
        if (pref < 0) {
          throw IpFail.invarg("preference value is invalid\n", v);
        }
      } else if (w.equals("tos") || Args.matches(w, "dsfield")) {
        String v = a.next();
        long t = RouteNames.parseU32(v);
        if (t < 0 || t > 255) {
          throw IpFail.invarg("TOS value is invalid\n", v);
        }
        tos = (int) t;
      } else if (w.equals("fwmark")) {
        String v = a.next();
        String[] mm = v.split("/", 2);
        fwmark = RouteNames.parseU32(mm[0]);
        if (fwmark < 0) {
          throw IpFail.invarg("fwmark value is invalid\n", mm[0]);
        }
        fwmask = fwmark != 0 ? 0xFFFFFFFFL : 0;
        if (mm.length > 1) {
          fwmask = RouteNames.parseU32(mm[1]);
          if (fwmask < 0) {
            throw IpFail.invarg("fwmask value is invalid\n", mm[1]);
          }
        }
        markGiven = true;
      } else if (Args.matches(w, "protocol")) {
        String v = a.next();
        long p = RouteNames.protoId(v);
        if (p < 0) {
          throw IpFail.invarg("\"protocol\" value is invalid\n", v);
        }
        proto = (int) p;
      } else if (Args.matches(w, "table") || w.equals("lookup")) {
        String v = a.next();
        long t = RouteNames.tableId(v);
        if (t < 0) {
          throw IpFail.invarg("invalid table ID\n", v);
        }
        table = (int) t;
        tableOk = true;
      } else if (Args.matches(w, "suppress_prefixlength") || w.equals("sup_pl")) {
        String v = a.next();
        try {
          supPl = Integer.parseInt(v);
        } catch (NumberFormatException e) {
          supPl = -1;
        }
        if (supPl < 0) {
          throw IpFail.invarg("suppress_prefixlength value is invalid\n", v);
        }
      } else if (w.equals("dev") || w.equals("iif")) {
        String v = a.next();
        if (v.length() >= 16 || !IpLink.validIfname(v)) {
          throw IpFail.invarg("\"iif\"/\"dev\" not a valid ifname", v);
        }
        iif = v;
      } else if (w.equals("oif")) {
        String v = a.next();
        if (v.length() >= 16 || !IpLink.validIfname(v)) {
          throw IpFail.invarg("\"oif\" not a valid ifname", v);
        }
        oif = v;
      } else {
        if (w.equals("type")) {
          w = a.next();
        }
        if (Args.matches(w, "help")) {
          throw new IpFail(netsim.cmd.Usage.of("ip-rule"), 255);
        } else if (Args.matches(w, "goto") || Args.matches(w, "nop")) {
          throw new IpFail("netsim: goto and nop rules are not modelled\n", 255);
        }
        action = switch (w) {
          case "unicast" -> FibRule.Action.TO_TBL;
          case "blackhole" -> FibRule.Action.BLACKHOLE;
          case "unreachable" -> FibRule.Action.UNREACHABLE;
          case "prohibit" -> FibRule.Action.PROHIBIT;
          default -> throw IpFail.invarg("Failed to parse rule type", w);
        };
        tableOk = true;
      }
      a.skip();
    }
    if (!tableOk && add) {
      table = 254;
    }
    ctx.requireNetAdmin();
    FibRule r = new FibRule((int) Math.max(0, pref), not, src, dst, iif, oif, (int) fwmark,
        (int) fwmask, tos, action == null ? FibRule.Action.TO_TBL : action, table, supPl, proto);
    if (add) {
      ctx.ns().addRule(r, pref >= 0);
    } else {
      ctx.ns().deleteRule(r, pref >= 0, action != null);
    }
    return 0;
  }

  private int list(Args a) {
    if (a.more()) {
      String w = a.peek();
      if (!w.isEmpty()) {
        throw new IpFail("netsim: `ip rule show` selectors are not modelled\n", 255);
      }
    }
    List<Object> json = Json.list();
    StringBuilder sb = new StringBuilder();
    for (FibRule r : ctx.ns().fib().rules()) {
      if (ctx.json()) {
        json.add(json(r));
      } else {
        sb.append(text(r));
      }
    }
    if (ctx.json()) {
      ctx.printJson(json);
    } else {
      ctx.out(sb.toString());
    }
    return 0;
  }

  private boolean detached(String name) {
    return name != null && ctx.dev(name) == null;
  }

  private String text(FibRule r) {
    StringBuilder sb = new StringBuilder();
    sb.append(Integer.toUnsignedString(r.priority())).append(":\t");
    if (r.not()) {
      sb.append("not ");
    }
    sb.append("from ").append(r.src() == null ? "all" : pfx(r.src()));
    if (r.dst() != null) {
      sb.append(" to ").append(pfx(r.dst()));
    }
    if (r.tos() != 0) {
      sb.append(" tos 0x").append(String.format("%02x", r.tos()));
    }
    if (r.fwmark() != 0 || r.fwmask() != 0) {
      sb.append(" fwmark 0x").append(Integer.toHexString(r.fwmark()));
      if (r.fwmask() != -1) {
        sb.append("/0x").append(Integer.toHexString(r.fwmask()));
      }
    }
    if (r.iif() != null) {
      sb.append(" iif ").append(r.iif());
      if (detached(r.iif())) {
        sb.append(" [detached]");
      }
    }
    if (r.oif() != null) {
      sb.append(" oif ").append(r.oif());
      if (detached(r.oif())) {
        sb.append(" [detached]");
      }
    }
    if (r.action() == FibRule.Action.TO_TBL && r.table() != 0) {
      sb.append(" lookup ").append(RouteNames.table(r.table()));
      if (r.suppressPrefixLen() != -1) {
        sb.append(" suppress_prefixlength ").append(r.suppressPrefixLen());
      }
    } else if (r.action() != FibRule.Action.TO_TBL) {
      sb.append(' ').append(r.action().name().toLowerCase());
    }
    if ((r.protocol() != 0 && r.protocol() != 2) || ctx.details > 0) {
      sb.append(" proto ").append(RouteNames.proto(r.protocol()));
    }
    sb.append('\n');
    return sb.toString();
  }

  private static String pfx(Prefix p) {
    return p.len() == 32 ? Ip4.format(p.addr()) : Ip4.format(p.addr()) + "/" + p.len();
  }

  private Json.Obj json(FibRule r) {
    Json.Obj o = Json.obj().put("priority", Integer.toUnsignedLong(r.priority()));
    if (r.not()) {
      o.put("not", Json.NULL);
    }
    if (r.src() == null) {
      o.put("src", "all");
    } else {
      o.put("src", Ip4.format(r.src().addr()));
      if (r.src().len() != 32) {
        o.put("srclen", r.src().len());
      }
    }
    if (r.dst() != null) {
      o.put("dst", Ip4.format(r.dst().addr()));
      if (r.dst().len() != 32) {
        o.put("dstlen", r.dst().len());
      }
    }
    if (r.tos() != 0) {
      o.put("tos", String.format("0x%02x", r.tos()));
    }
    if (r.fwmark() != 0 || r.fwmask() != 0) {
      o.put("fwmark", "0x" + Integer.toHexString(r.fwmark()));
      if (r.fwmask() != -1) {
        o.put("fwmask", "0x" + Integer.toHexString(r.fwmask()));
      }
    }
    if (r.iif() != null) {
      o.put("iif", r.iif());
      if (detached(r.iif())) {
        o.put("iif_detached", Json.NULL);
      }
    }
    if (r.oif() != null) {
      o.put("oif", r.oif());
      if (detached(r.oif())) {
        o.put("oif_detached", Json.NULL);
      }
    }
    if (r.action() == FibRule.Action.TO_TBL && r.table() != 0) {
      o.put("table", RouteNames.table(r.table()));
      if (r.suppressPrefixLen() != -1) {
        o.put("suppress_prefixlen", r.suppressPrefixLen());
      }
    } else if (r.action() != FibRule.Action.TO_TBL) {
      o.put("action", r.action().name().toLowerCase());
    }
    if ((r.protocol() != 0 && r.protocol() != 2) || ctx.details > 0) {
      o.put("protocol", RouteNames.proto(r.protocol()));
    }
    return o;
  }


}
