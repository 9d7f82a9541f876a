package netsim.cmd.ip;

import netsim.model.Device;
import netsim.model.DeviceKind;
import netsim.model.Errno;
import netsim.model.Kernel;
import netsim.model.KernelException;
import netsim.model.Mac;
import netsim.model.NetNs;

/**
 * {@code ip link}: create, change, delete and list devices. Parsing follows iproute2 6.1's
 * {@code iplink_parse} (keywords tried in its order, so {@code ip link add a type veth} reads
 * {@code a} as {@code address}); changes are applied in the kernel's {@code do_setlink} order:
 * namespace, address, mtu, name, flags, master, qlen.
 */
final class IpLink {
  private final IpCtx ctx;

  IpLink(IpCtx ctx) {
    this.ctx = ctx;
  }

  int run(Args a) {
    if (!a.more()) {
      return new LinkView(ctx, true).list(new Args(java.util.List.of()));
    }
    String w = a.take();
    if (Args.matches(w, "add")) {
      return add(a);
    }
    if (Args.matches(w, "set") || Args.matches(w, "change")) {
      return set(a);
    }
    if (Args.matches(w, "replace")) {
      return set(a);
    }
    if (Args.matches(w, "delete")) {
      return delete(a);
    }
    if (Args.matches(w, "show") || Args.matches(w, "lst") || Args.matches(w, "list")) {
      return new LinkView(ctx, true).list(a);
    }
    if (Args.matches(w, "help")) {
      throw new IpFail(netsim.cmd.Usage.of("ip-link"), 255);
    }
    throw new IpFail("Command \"" + w + "\" is unknown, try \"ip link help\".\n", 255);
  }

  /** What {@code iplink_parse} collected. */
  static final class Req {
    String name;
    String dev;
    boolean devFromName;
    String type;
    boolean up;
    boolean down;
    long mac = -1;
    int mtu = -1;
    int qlen = -1;
    String netns;
    String master;
    boolean nomaster;
    int index;
    /** Words after {@code type KIND}. */
    Args typeArgs;
  }

  /** {@code iplink_parse}: reads keywords up to {@code type}, which ends the generic part. */
  static Req parse(Args a, boolean create, Kernel kernel) {
    Req r = new Req();
    while (a.more()) {
      String w = a.peek();
      if (w.equals("up")) {
        r.up = true;
        r.down = false;
      } else if (w.equals("down")) {
        r.down = true;
        r.up = false;
      } else if (w.equals("name")) {
        String n = a.next();
        if (r.name != null) {
          throw IpFail.duparg("name", n);
        }
        if (n.length() >= 16 || !validIfname(n)) {
          throw IpFail.invarg("\"name\" not a valid ifname", n);
        }
        r.name = n;
        if (r.dev == null) {
          r.dev = n;
          r.devFromName = true;
        }
      } else if (w.equals("index")) {
        String v = a.next();
        if (r.index != 0) {
          throw IpFail.duparg("index", v);
        }
        r.index = atoi(v);
        if (r.index <= 0) {
          throw IpFail.invarg("Invalid \"index\" value", v);
        }
      } else if (Args.matches(w, "link")) {
        a.next();
      } else if (Args.matches(w, "address")) {
        String v = a.next();
        r.mac = parseLladdr(v);
      } else if (Args.matches(w, "broadcast") || w.equals("brd")) {
        parseLladdr(a.next());
      } else if (Args.matches(w, "txqueuelen") || w.equals("qlen")
          || Args.matches(w, "txqlen")) {
        String v = a.next();
        if (r.qlen != -1) {
          throw IpFail.duparg("txqueuelen", v);
        }
        r.qlen = integer(v, "Invalid \"txqueuelen\" value\n");
      } else if (w.equals("mtu")) {
        String v = a.next();
        if (r.mtu != -1) {
          throw IpFail.duparg("mtu", v);
        }
        r.mtu = integer(v, "Invalid \"mtu\" value\n");
      } else if (w.equals("netns")) {
        String v = a.next();
        if (r.netns != null) {
          throw IpFail.duparg("netns", v);
        }
        if (IpNetns.invalidName(v) || kernel.named(v) == null) {
          throw IpFail.invarg("Invalid \"netns\" value\n", v);
        }
        r.netns = v;
      } else if (Args.matches(w, "master")) {
        r.master = a.next();
      } else if (Args.matches(w, "nomaster")) {
        r.nomaster = true;
      } else if (Args.matches(w, "type")) {
        r.type = a.next();
        a.skip();
        r.typeArgs = a;
        break;
      } else {
        if (Args.matches(w, "help")) {
          throw new IpFail(netsim.cmd.Usage.of("ip-link"), 255);
        }
        if (w.equals("dev")) {
          w = a.next();
        }
        // iproute2 compares pointers: a dev defaulted from "name" may be replaced once
        if (r.dev != null && !r.devFromName) {
          throw IpFail.duparg2("dev", w);
        }
        if (!validIfname(w)) {
          throw IpFail.invarg("\"dev\" not a valid ifname", w);
        }
        r.dev = w;
        r.devFromName = false;
      }
      a.skip();
    }
    if (r.name == null) {
      r.name = r.dev;
    } else if (r.dev == null) {
      r.dev = r.name;
    }
    return r;
  }

  /** iproute2's {@code __check_ifname}: not empty, no slash, no blanks. */
  static boolean validIfname(String n) {
    if (n.isEmpty()) {
      return false;
    }
    for (char c : n.toCharArray()) {
      if (c == '/' || Character.isWhitespace(c)) {
        return false;
      }
    }
    return true;
  }

  private static int atoi(String s) {
    int i = 0;
    int sign = 1;
    s = s.stripLeading();
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      sign = s.charAt(0) == '-' ? -1 : 1;
      s = s.substring(1);
    }
    long v = 0;
    while (i < s.length() && Character.isDigit(s.charAt(i))) {
      v = v * 10 + (s.charAt(i++) - '0');
      if (v > Integer.MAX_VALUE) {
        break;
      }
    }
    return (int) (sign * v);
  }

  /** {@code get_integer(.., 0)}: decimal, 0x hex or leading-zero octal, whole word. */
  static int integer(String v, String msg) {
    try {
      long n;
      String s = v;
      boolean neg = s.startsWith("-");
      if (neg || s.startsWith("+")) {
        s = s.substring(1);
      }
      if (s.startsWith("0x") || s.startsWith("0X")) {
        n = Long.parseLong(s.substring(2), 16);
      } else if (s.length() > 1 && s.startsWith("0")) {
        n = Long.parseLong(s.substring(1), 8);
      } else {
        n = Long.parseLong(s);
      }
      n = neg ? -n : n;
      if (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE) {
        throw new NumberFormatException();
      }
      return (int) n;
    } catch (NumberFormatException e) {
      throw IpFail.invarg(msg, v);
    }
  }

  /** {@code ll_addr_a2n}: hex octets separated by colons; a bad one stops ip (status 1). */
  static long parseLladdr(String v) {
    String[] parts = v.split(":", -1);
    if (v.contains(".") || parts.length > 6) {
      throw new IpFail("\"" + v + "\" is invalid lladdr.\n", 1);
    }
    long mac = 0;
    for (String p : parts) {
      int end = 0;
      while (end < p.length() && Character.digit(p.charAt(end), 16) >= 0) {
        end++;
      }
      if (end == 0) {
        throw new IpFail("\"" + p + "\" is invalid lladdr.\n", 1);
      }
      long octet = Long.parseLong(p.substring(0, Math.min(end, 8)), 16);
      if (octet > 255) {
        throw new IpFail("\"" + p + "\" is invalid lladdr.\n", 1);
      }
      mac = (mac << 8) | octet;
    }
    if (parts.length != 6) {
      // a short address: the kernel wants 6 bytes for ethernet
      return -2 - parts.length;
    }
    return mac;
  }

  // ------------------------------------------------------------------------------ add

  private int add(Args a) {
    Req r = parse(a, true, ctx.proc.kernel());
    if (r.name != null && r.dev != null && !r.name.equals(r.dev)) {
      throw new IpFail("both \"name\" and \"dev\" cannot be used when creating devices.\n", 255);
    }
    if (r.type == null) {
      throw new IpFail("Not enough information: \"type\" argument is required\n", 1);
    }
    DeviceKind kind = DeviceKind.byInfoKind(r.type);
    Req peer = null;
    if (kind == DeviceKind.VETH && r.typeArgs.more()) {
      if (!r.typeArgs.peek().equals("peer")) {
        ctx.out(netsim.cmd.Usage.of("ip-veth"));
        return 1;
      }
      r.typeArgs.skip();
      peer = parse(r.typeArgs, true, ctx.proc.kernel());
      if (peer.type != null) {
        throw IpFail.duparg("type", peer.type);
      }
      if (peer.name != null && peer.dev != null && !peer.name.equals(peer.dev)) {
        throw new IpFail("both \"name\" and \"dev\" cannot be used when creating devices.\n",
            255);
      }
    } else if (r.typeArgs.more()) {
      if (kind == DeviceKind.BRIDGE || kind == DeviceKind.DUMMY) {
        throw new IpFail("netsim: options of `type " + r.type + "` are not modelled: \""
            + r.typeArgs.peek() + "\"\n", 255);
      }
      throw new IpFail("Garbage instead of arguments \"" + r.typeArgs.peek()
          + " ...\". Try \"ip link help\".\n", 1);
    }
    ctx.requireNetAdmin();
    Kernel k = ctx.proc.kernel();
    if (kind == null || !k.profile().hasLinkKind(r.type)) {
      throw new KernelException(Errno.EOPNOTSUPP, "Unknown device type");
    }
    NetNs ns = ctx.ns();
    if (r.index > 0 && ns.device(r.index) != null) {
      // rtnl_newlink finds a device by the index asked for: with NLM_F_EXCL, it exists
      throw new KernelException(Errno.EEXIST);
    }
    NetNs target = r.netns != null ? resolveNetns(r.netns) : ns;
    String name = r.name;
    if (name != null && !Kernel.validName(name)) {
      throw name.length() > Kernel.MAX_IFNAME
          ? new KernelException(Errno.EINVAL, "Attribute failed policy validation")
          : new KernelException(Errno.EINVAL);
    }
    if (r.mac < -1 || (peer != null && peer.mac < -1)) {
      throw new KernelException(Errno.EINVAL);
    }
    if (kind == DeviceKind.VETH) {
      NetNs peerNs = peer != null && peer.netns != null ? resolveNetns(peer.netns) : target;
      String pname = peer != null ? peer.name : null;
      if (pname != null && !Kernel.validName(pname)) {
        throw pname.length() > Kernel.MAX_IFNAME
            ? new KernelException(Errno.EINVAL, "Attribute failed policy validation")
            : new KernelException(Errno.EINVAL);
      }
      // the peer registers first, so it takes the first free name (veth_newlink)
      if (pname == null || pname.contains("%d")) {
        pname = Kernel.allocName(peerNs, pname == null ? "veth%d" : pname,
            peerNs == target && name != null && !name.contains("%d") ? name : null);
      }
      if (name == null || name.contains("%d")) {
        name = Kernel.allocName(target, name == null ? "veth%d" : name,
            peerNs == target ? pname : null);
      }
      Device[] pair = k.createVeth(target, name, r.mac, r.index, peerNs, pname,
          peer != null ? peer.mac : -1, peer != null ? peer.index : 0);
      applyAfterCreate(pair[0], r);
      if (peer != null) {
        applyAfterCreate(pair[1], peer);
      }
      if (target != ns) {
        ns.nsidAlloc(target);
      }
    } else {
      if (name == null || name.contains("%d")) {
        name = Kernel.allocName(target, name == null ? r.type + "%d" : name, null);
      }
      Device d = k.createSimple(target, kind, name, r.mac, r.index);
      applyAfterCreate(d, r);
    }
    return 0;
  }

  private void applyAfterCreate(Device d, Req r) {
    Kernel k = ctx.proc.kernel();
    if (r.mtu >= 0) {
      k.setMtu(d, r.mtu);
    }
    if (r.qlen >= 0) {
      k.setTxqlen(d, r.qlen);
    }
    if (r.up) {
      k.setUp(d, true);
    }
  }

  /** {@code netns NAME} (a number is a PID: the language refuses it before it gets here). */
  private NetNs resolveNetns(String v) {
    NetNs ns = IpNetns.invalidName(v) ? null : ctx.proc.kernel().named(v);
    if (ns == null) {
      throw IpFail.invarg("Invalid \"netns\" value\n", v);
    }
    return ns;
  }

  // ------------------------------------------------------------------------------ set

  private int set(Args a) {
    Req r = parse(a, false, ctx.proc.kernel());
    if (r.type != null && r.typeArgs != null && r.typeArgs.more()) {
      throw new IpFail("Garbage instead of arguments \"" + r.typeArgs.peek()
          + " ...\". Try \"ip link help\".\n", 1);
    }
    if (r.dev == null) {
      throw new IpFail("Not enough information: \"dev\" argument is required.\n", 255);
    }
    Device d = ctx.needDev(r.dev);
    String newName = r.name != null && !r.name.equals(r.dev) ? r.name : null;
    if (r.mac < -1) {
      int len = (int) (-2 - r.mac);
      throw new IpFail("Invalid address length " + len + " - must be 6 bytes\n", 1);
    }
    NetNs target = r.netns != null ? resolveNetns(r.netns) : null;
    Device master = null;
    if (r.master != null) {
      master = ctx.dev(r.master);
      if (master == null) {
        throw IpFail.invarg("Device does not exist\n", r.master);
      }
    }
    ctx.requireNetAdmin();
    Kernel k = ctx.proc.kernel();
    if (target != null) {
      if (target.owner() != null && !ctx.proc.cred().capable(target.owner())) {
        throw new KernelException(Errno.EPERM);
      }
      k.moveDevice(d, target, newName);
      newName = null;
    }
    if (r.mac >= 0) {
      if (Mac.isMulticast(r.mac)) {
        throw new KernelException(Errno.EADDRNOTAVAIL);
      }
      k.setMac(d, r.mac);
    }
    if (r.mtu >= 0) {
      k.setMtu(d, r.mtu);
    }
    if (newName != null) {
      if (!Kernel.validName(newName)) {
        throw newName.length() > Kernel.MAX_IFNAME
            ? new KernelException(Errno.EINVAL, "Attribute failed policy validation")
            : new KernelException(Errno.EINVAL);
      }
      k.rename(d, newName); // live renaming is allowed since 6.5

    }
    if (r.up || r.down) {
      k.setUp(d, r.up);
    }
    if (master != null || r.nomaster) {
      k.setMaster(d, master);
    }
    if (r.qlen >= 0) {
      k.setTxqlen(d, r.qlen);
    }
    return 0;
  }

  // ------------------------------------------------------------------------------ delete

  private int delete(Args a) {
    Req r = parse(a, false, ctx.proc.kernel());
    if (r.dev == null) {
      throw new IpFail("Not enough information: \"dev\" argument is required.\n", 255);
    }
    Device d = ctx.needDev(r.dev);
    ctx.requireNetAdmin();
    if (d.isLoopback()) {
      throw new KernelException(Errno.EOPNOTSUPP);
    }
    ctx.proc.kernel().deleteDevice(d);
    return 0;
  }




}
