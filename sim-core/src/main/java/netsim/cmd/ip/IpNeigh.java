package netsim.cmd.ip;

import java.util.List;
import netsim.model.Device;
import netsim.model.Errno;
import netsim.model.Ip4;
import netsim.model.KernelException;
import netsim.model.Mac;
import netsim.model.Neighbour;
import netsim.model.NeighTable;

/**
 * {@code ip neigh}: the ARP table. States shown are the ones the model's clock gives (see
 * {@link NeighTable}). The kernel lists entries in hash order, which depends on a random seed:
 * with more than one entry, filter by device or address for output that can be compared.
 */
final class IpNeigh {
  private final IpCtx ctx;

  IpNeigh(IpCtx ctx) {
    this.ctx = ctx;
  }

  int run(Args a) {
    if (!a.more()) {
      return list(a, false);
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
      return list(a, false);
    }
    if (Args.matches(w, "flush")) {
      return list(a, true);
    }
    if (Args.matches(w, "help")) {
      throw new IpFail(netsim.cmd.Usage.of("ip-neigh"), 255);
    }
    throw new IpFail("Command \"" + w + "\" is unknown, try \"ip neigh help\".\n", 255);
  }

  private static Neighbour.State nud(String v) {
    Integer bits = nudBits(v);
    if (bits == null || bits == 0) {
      return null;
    }
    return Neighbour.State.values()[Integer.numberOfTrailingZeros(bits)];
  }

  /** A state's NUD_* bit: the {@link Neighbour.State}s are in bit order, from 0x01. */
  private static int bit(Neighbour.State s) {
    return 1 << s.ordinal();
  }

  /**
   * {@code nud_state_a2n}: a state's NUD_* bit (0 for {@code none}), or null. permanent,
   * reachable and failed may be abbreviated; a number must be a single bit below 0x100.
   */
  private static Integer nudBits(String v) {
    if (Args.matches(v, "permanent")) {
      return bit(Neighbour.State.PERMANENT);
    } else if (Args.matches(v, "reachable")) {
      return bit(Neighbour.State.REACHABLE);
    } else if (Args.matches(v, "failed")) {
      return bit(Neighbour.State.FAILED);
    }
    switch (v) {
      case "noarp": return bit(Neighbour.State.NOARP);
      case "none": return 0;
      case "stale": return bit(Neighbour.State.STALE);
      case "incomplete": return bit(Neighbour.State.INCOMPLETE);
      case "delay": return bit(Neighbour.State.DELAY);
      case "probe": return bit(Neighbour.State.PROBE);
      default: break;
    }
    try {
      long n = IpLink.integer(v, "") & 0xFFFFFFFFL;
      if (n >= 0x100 || (n & (n - 1)) != 0) {
        return null;
      }
      return (int) n;
    } catch (IpFail e) {
      return null;
    }
  }

  private int modify(Args a, boolean create, boolean replace) {
    String dev = null;
    int dst = 0;
    boolean dstOk = false;
    long ll = -1;
    Neighbour.State state = Neighbour.State.PERMANENT;
    while (a.more()) {
      String w = a.peek();
      if (w.equals("lladdr")) {
        String v = a.next();
        ll = IpLink.parseLladdr(v);
      } else if (w.equals("nud")) {
        String v = a.next();
        state = nud(v);
        if (state == null) {
          throw IpFail.invarg("nud state is bad", v);
        }
      } else if (w.equals("dev")) {
        dev = a.next();
      } else if (w.equals("proxy") || w.equals("router") || Args.matches(w, "extern_learn")) {
        throw new IpFail("netsim: `" + w + "` neighbours are not modelled\n", 255);
      } else {
        if (w.equals("to")) {
          w = a.next();
        }
        if (Args.matches(w, "help")) {
          throw new IpFail(netsim.cmd.Usage.of("ip-neigh"), 255);
        }
        if (dstOk) {
          throw IpFail.duparg2("to", w);
        }
        long x = Ip4.parse(w);
        if (x < 0) {
          throw new IpFail("Error: any valid address is expected rather than \"" + w + "\".\n",
              1);
        }
        dst = (int) x;
        dstOk = true;
      }
      a.skip();
    }
    if (dev == null || !dstOk) {
      throw new IpFail("Device and destination are required arguments.\n", 255);
    }
    Device d = ctx.needDev(dev);
    ctx.requireNetAdmin();
    NeighTable t = ctx.ns().neigh();
    Neighbour n = t.get(d, dst);
    if (n != null && create && !replace) {
      throw new KernelException(Errno.EEXIST);
    }
    if (n == null && !create) {
      throw new KernelException(Errno.ENOENT);
    }
    t.putManual(d, dst, ll < 0 ? (n != null ? n.lladdr() : -1) : ll, state);
    return 0;
  }

  private int delete(Args a) {
    String dev = null;
    int dst = 0;
    boolean dstOk = false;
    while (a.more()) {
      String w = a.peek();
      if (w.equals("dev")) {
        dev = a.next();
      } else if (w.equals("lladdr") || w.equals("nud")) {
        a.next();
      } else {
        if (w.equals("to")) {
          w = a.next();
        }
        long x = Ip4.parse(w);
        if (x < 0) {
          throw new IpFail("Error: any valid address is expected rather than \"" + w + "\".\n",
              1);
        }
        dst = (int) x;
        dstOk = true;
      }
      a.skip();
    }
    if (dev == null || !dstOk) {
      throw new IpFail("Device and destination are required arguments.\n", 255);
    }
    Device d = ctx.needDev(dev);
    ctx.requireNetAdmin();
    if (!ctx.ns().neigh().remove(d, dst)) {
      throw new KernelException(Errno.ENOENT);
    }
    return 0;
  }

  private int list(Args a, boolean flush) {
    Device dev = null;
    Integer to = null;
    // the states shown (NUD_* bits): not NOARP by default; a flush spares PERMANENT too
    int noarp = bit(Neighbour.State.NOARP);
    int mask = flush ? ~(bit(Neighbour.State.PERMANENT) | noarp) : 0xFF & ~noarp;
    boolean stateGiven = false;
    while (a.more()) {
      String w = a.peek();
      if (w.equals("dev")) {
        String v = a.next();
        dev = ctx.dev(v);
        if (dev == null) {
          throw new IpFail("Cannot find device \"" + v + "\"\n", 1);
        }
      } else if (w.equals("nud")) {
        String v = a.next();
        if (!stateGiven) {
          stateGiven = true;
          mask = 0;
        }
        Integer bits = nudBits(v);
        if (bits == null) {
          if (!v.equals("all")) {
            throw IpFail.invarg("nud state is bad", v);
          }
          bits = flush ? ~noarp : ~0;
        }
        mask |= bits == 0 ? 0x100 : bits;
      } else if (w.equals("proxy") || w.equals("unused") || w.equals("vrf")
          || w.equals("master")) {
        if (!w.equals("proxy") && !w.equals("unused")) {
          a.next();
        }
      } else {
        if (w.equals("to")) {
          w = a.next();
        }
        long x = Ip4.parse(w);
        if (x < 0) {
          throw new IpFail("Error: any valid prefix is expected rather than \"" + w + "\".\n",
              1);
        }
        to = (int) x;
      }
      a.skip();
    }
    if (flush && dev == null && to == null) {
      throw new IpFail("Flush requires arguments.\n", 255);
    }
    NeighTable t = ctx.ns().neigh();
    List<Object> json = Json.list();
    StringBuilder sb = new StringBuilder();
    for (Neighbour n : t.entries()) {
      if (dev != null && n.dev != dev) {
        continue;
      }
      if (to != null && n.addr != to) {
        continue;
      }
      Neighbour.State s = t.stateNow(n);
      if ((mask & bit(s)) == 0) {
        continue;
      }
      if (flush) {
        ctx.requireNetAdmin();
        t.remove(n.dev, n.addr);
        continue;
      }
      boolean ll = n.hasLladdr() && s != Neighbour.State.FAILED
          && s != Neighbour.State.INCOMPLETE;
      if (ctx.json()) {
        Json.Obj o = Json.obj().put("dst", Ip4.format(n.addr));
        if (dev == null) {
          o.put("dev", n.dev.name());
        }
        if (ll) {
          o.put("lladdr", Mac.format(n.lladdr()));
        }
        List<Object> st = Json.list();
        st.add(s.name());
        o.put("state", st);
        json.add(o);
      } else {
        sb.append(Ip4.format(n.addr)).append(' ');
        if (dev == null) {
          sb.append("dev ").append(n.dev.name()).append(' ');
        }
        if (ll) {
          sb.append("lladdr ").append(Mac.format(n.lladdr())).append(' ');
        }
        sb.append(s.name()).append(' ').append('\n');
      }
    }
    if (!flush) {
      if (ctx.json()) {
        ctx.printJson(json);
      } else {
        ctx.out(sb.toString());
      }
    }
    return 0;
  }


}
