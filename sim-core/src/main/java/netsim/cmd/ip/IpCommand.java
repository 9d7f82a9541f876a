package netsim.cmd.ip;

import java.util.List;
import netsim.cmd.Command;
import netsim.cmd.Io;
import netsim.cmd.Proc;
import netsim.model.KernelException;
import netsim.model.NetNs;

/**
 * {@code ip} from iproute2 6.1: global options, then an object found by the first entry of
 * iproute2's ordered object table that the word abbreviates ({@code ip r} is route, not rule).
 *
 * <p>Exit statuses are iproute2's: a handler's -1 becomes 1 (its own errors), -2 becomes 2 (the
 * kernel said no), and {@code exit(-1)} is 255 (command-line errors).
 */
public final class IpCommand implements Command {

  /** iproute2 6.1's object table, in its order (ip/ip.c {@code cmds[]}). */
  private static final List<String> OBJECTS =
      List.of("address", "addrlabel", "maddress", "route", "rule", "neighbor", "neighbour",
          "ntable", "ntbl", "link", "l2tp", "fou", "ila", "macsec", "tunnel", "tunl", "tuntap",
          "tap", "token", "tcpmetrics", "tcp_metrics", "monitor", "xfrm", "mroute", "mrule",
          "netns", "netconf", "vrf", "sr", "nexthop", "mptcp", "ioam", "help", "stats");



  @Override
  public int run(Proc p, List<String> argv, Io io) {
    IpCtx ctx = new IpCtx(p, io);
    try {
      return dispatch(ctx, argv);
    } catch (IpFail f) {
      io.err(f.getMessage());
      return f.status;
    } catch (KernelException e) {
      io.errln(e.rtnetlinkMessage());
      return 2;
    }
  }

  private static boolean m(String word, String keyword) {
    return Args.matches(word, keyword);
  }

  private int dispatch(IpCtx ctx, List<String> argv) {
    int i = 0;
    while (i < argv.size()) {
      String opt = argv.get(i);
      if (opt.equals("--")) {
        i++;
        break;
      }
      if (!opt.startsWith("-")) {
        break;
      }
      if (opt.startsWith("--")) {
        opt = opt.substring(1);
      }
      if (m(opt, "-loops")) {
        i++;
        if (i >= argv.size()) {
          throw new IpFail(netsim.cmd.Usage.of("ip"), 255);
        }
      } else if (m(opt, "-family")) {
        i++;
        if (i >= argv.size() || argv.get(i).equals("help")) {
          throw new IpFail(netsim.cmd.Usage.of("ip"), 255);
        }
        ctx.family = switch (argv.get(i)) {
          case "inet" -> IpCtx.Family.INET;
          case "inet6" -> IpCtx.Family.INET6;
          case "link" -> IpCtx.Family.PACKET;
          default -> throw IpFail.invarg("invalid protocol family", argv.get(i));
        };
      } else if (opt.equals("-4")) {
        ctx.family = IpCtx.Family.INET;
      } else if (opt.equals("-6")) {
        ctx.family = IpCtx.Family.INET6;
      } else if (opt.equals("-0")) {
        ctx.family = IpCtx.Family.PACKET;
      } else if (m(opt, "-human") || m(opt, "-human-readable") || m(opt, "-iec")) {
        // affects statistics only
      } else if (m(opt, "-stats") || m(opt, "-statistics")) {
        ctx.stats++;
      } else if (m(opt, "-details")) {
        ctx.details++;
      } else if (m(opt, "-resolve") || m(opt, "-timestamp") || m(opt, "-tshort")
          || m(opt, "-force") || m(opt, "-Numeric")) {
        // no effect on what the model prints
      } else if (m(opt, "-oneline")) {
        ctx.oneline++;
      } else if (m(opt, "-Version")) {
        ctx.out("ip utility, iproute2-6.1.0, libbpf 1.1.2\n");
        return 0;
      } else if (m(opt, "-brief")) {
        ctx.brief++;
      } else if (m(opt, "-json")) {
        ctx.json++;
      } else if (m(opt, "-pretty")) {
        ctx.pretty = true;
      } else if (opt.startsWith("-c") && m(opt.split("=")[0], "-color")) {
        // colour is never on for a pipe
      } else if (m(opt, "-help")) {
        throw new IpFail(netsim.cmd.Usage.of("ip"), 255);
      } else if (m(opt, "-netns")) {
        i++;
        if (i >= argv.size()) {
          throw IpFail.incomplete();
        }
        NetNs ns = IpNetns.switchTo(ctx, argv.get(i));
        ctx.proc = ctx.proc.withNetns(ns);
      } else {
        throw new IpFail("Option \"" + opt + "\" is unknown, try \"ip -help\".\n", 255);
      }
      i++;
    }
    if (i >= argv.size()) {
      throw new IpFail(netsim.cmd.Usage.of("ip"), 255);
    }
    String word = argv.get(i);
    String object = null;
    for (String o : OBJECTS) {
      if (m(word, o)) {
        object = o;
        break;
      }
    }
    if (object == null) {
      throw new IpFail("Object \"" + word + "\" is unknown, try \"ip help\".\n", 1);
    }
    Args rest = new Args(argv.subList(i + 1, argv.size()));
    return switch (object) {
      case "address" -> new IpAddr(ctx).run(rest);
      case "route" -> new IpRoute(ctx).run(rest);
      case "rule" -> new IpRule(ctx).run(rest);
      case "neighbor", "neighbour" -> new IpNeigh(ctx).run(rest);
      case "link" -> new IpLink(ctx).run(rest);
      case "netns" -> new IpNetns(ctx).run(rest);
      case "help" -> throw new IpFail(netsim.cmd.Usage.of("ip"), 255);
      default -> throw new IpFail("netsim: `ip " + object + "` is not modelled\n", 255);
    };
  }
}
