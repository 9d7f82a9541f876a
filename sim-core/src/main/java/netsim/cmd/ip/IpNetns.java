package netsim.cmd.ip;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import netsim.model.Capability;
import netsim.model.Kernel;
import netsim.model.NetNs;

/** {@code ip netns}: the names under /run/netns, and running commands inside them. */
final class IpNetns {
  private final IpCtx ctx;

  IpNetns(IpCtx ctx) {
    this.ctx = ctx;
  }

  /**
   * {@code netns_switch} (for {@code -n} and {@code exec}): the named namespace, or iproute2's
   * error and {@code exit(-1)}; entering it needs CAP_SYS_ADMIN over it and in one's own user
   * namespace ({@code setns} and {@code unshare(CLONE_NEWNS)}).
   */
  static NetNs switchTo(IpCtx ctx, String name) {
    NetNs ns = invalidName(name) ? null : ctx.proc.kernel().named(name);
    if (ns == null) {
      throw new IpFail("Cannot open network namespace \"" + name
          + "\": No such file or directory\n", 255);
    }
    if (!ctx.proc.capable(Capability.SYS_ADMIN, ns.owner(),
            "owner of network namespace " + ns.displayName() + ", for setns")
        || !ctx.proc.capable(Capability.SYS_ADMIN, ctx.proc.cred().userns(),
            "the process's own user namespace, for setns")) {
      throw new IpFail("setting the network namespace \"" + name
          + "\" failed: Operation not permitted\n", 255);
    }
    return ns;
  }

  static boolean invalidName(String n) {
    return n.contains("/") || n.equals(".") || n.equals("..");
  }

  int run(Args a) {
    Kernel k = ctx.proc.kernel();
    if (!a.more()) {
      return list();
    }
    List<String> rest = a.rest();
    if (rest.size() > 1 && invalidName(rest.get(1))) {
      throw new IpFail("Invalid netns name \"" + rest.get(1) + "\"\n", 255);
    }
    String w = a.take();
    if (Args.matches(w, "list") || Args.matches(w, "show") || Args.matches(w, "lst")) {
      return list();
    }
    if (Args.matches(w, "list-id")) {
      return listId();
    }
    if (Args.matches(w, "help")) {
      throw new IpFail(netsim.cmd.Usage.of("ip-netns"), 255);
    }
    List<String> args = a.rest();
    if (Args.matches(w, "add")) {
      if (args.isEmpty()) {
        throw new IpFail("No netns name specified\n", 1);
      }
      if (!ctx.proc.cred().caps() || !ctx.proc.cred().userns().isInitial()) {
        throw new IpFail("mount --make-shared /run/netns failed: Operation not permitted\n", 1);
      }
      if (k.named(args.get(0)) != null) {
        throw new IpFail("Cannot create namespace file \"/run/netns/" + args.get(0)
            + "\": File exists\n", 1);
      }
      k.addNamed(args.get(0), ctx.proc.cred().userns());
      return 0;
    }
    if (Args.matches(w, "set")) {
      return set(args);
    }
    if (Args.matches(w, "delete")) {
      if (args.isEmpty()) {
        throw new IpFail("No netns name specified\n", 1);
      }
      String file = "Cannot remove namespace file \"/run/netns/" + args.get(0) + "\": ";
      if (k.named(args.get(0)) == null) {
        throw new IpFail(file + "No such file or directory\n", 1);
      }
      if (!ctx.proc.cred().caps() || !ctx.proc.cred().userns().isInitial()) {
        // umount2 fails quietly; unlink then needs write access to /run/netns (root's, 0755:
        // kernel uid 0 in any user namespace has it) and fails on the file still mounted
        throw new IpFail(file + (ctx.proc.cred().euid() == 0 ? "Device or resource busy\n"
            : "Permission denied\n"), 1);
      }
      if (!k.deleteNamed(args.get(0))) {
        throw new IpFail("Cannot remove namespace file \"/run/netns/" + args.get(0)
            + "\": No such file or directory\n", 1);
      }
      return 0;
    }
    if (Args.matches(w, "identify")) {
      if (args.size() > 1) {
        throw new IpFail("extra arguments specified\n", 1);
      }
      NetNs ns = ctx.ns();
      if (!args.isEmpty()) {
        if (!args.get(0).chars().allMatch(Character::isDigit)) {
          throw new IpFail("Specified string '" + args.get(0) + "' is not a pid\n", 1);
        }
        ns = k.host(); // PID 1 in the sandbox is its agent, in the host namespace
      }
      ctx.out((ns.name() == null ? "" : ns.name()) + "\n");
      return 0;
    }
    if (Args.matches(w, "pids")) {
      if (args.isEmpty()) {
        throw new IpFail("No netns name specified\n", 1);
      }
      if (args.size() > 1) {
        throw new IpFail("extra arguments specified\n", 1);
      }
      if (invalidName(args.get(0)) || k.named(args.get(0)) == null) {
        throw new IpFail("Cannot open network namespace: No such file or directory\n", 1);
      }
      return 0; // no process lives on between a scenario's lines
    }
    if (Args.matches(w, "exec")) {
      if (args.isEmpty()) {
        throw new IpFail("No netns name specified\n", 1);
      }
      if (args.size() < 2) {
        throw new IpFail("No command specified\n", 1);
      }
      NetNs ns = switchTo(ctx, args.get(0));
      return ctx.proc.withNetns(ns).exec(args.subList(1, args.size()), ctx.io);
    }
    throw new IpFail("Command \"" + w + "\" is unknown, try \"ip netns help\".\n", 255);
  }

  /** Newest first (readdir order on tmpfs), with the id the current namespace holds. */
  private int list() {
    Kernel k = ctx.proc.kernel();
    List<String> names = new ArrayList<>(k.namedList());
    java.util.Collections.reverse(names);
    List<Object> arr = Json.list();
    StringBuilder sb = new StringBuilder();
    for (String n : names) {
      int id = ctx.ns().nsidOf(k.named(n));
      if (ctx.json()) {
        Json.Obj o = Json.obj().put("name", n);
        if (id >= 0) {
          o.put("id", id);
        }
        arr.add(o);
      } else {
        sb.append(n);
        if (id >= 0) {
          sb.append(" (id: ").append(id).append(')');
        }
        sb.append('\n');
      }
    }
    if (ctx.json()) {
      ctx.printJson(arr);
    } else {
      ctx.out(sb.toString());
    }
    return 0;
  }

  private int listId() {
    Kernel k = ctx.proc.kernel();
    List<Map.Entry<NetNs, Integer>> ids = new ArrayList<>(ctx.ns().nsids().entrySet());
    ids.sort(Map.Entry.comparingByValue());
    List<Object> arr = Json.list();
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<NetNs, Integer> e : ids) {
      String name = e.getKey().name() != null && k.named(e.getKey().name()) == e.getKey()
          ? e.getKey().name() : null;
      if (ctx.json()) {
        Json.Obj o = Json.obj().put("nsid", e.getValue());
        if (name != null) {
          o.put("name", name);
        }
        arr.add(o);
      } else {
        sb.append("nsid ").append(e.getValue()).append(' ');
        if (name != null) {
          sb.append("(iproute2 netns name: ").append(name).append(')');
        }
        sb.append('\n');
      }
    }
    if (ctx.json()) {
      ctx.printJson(arr);
    } else {
      ctx.out(sb.toString());
    }
    return 0;
  }

  private int set(List<String> args) {
    if (args.isEmpty()) {
      throw new IpFail("No netns name specified\n", 1);
    }
    if (args.size() < 2) {
      throw new IpFail("No nsid specified\n", 1);
    }
    int nsid;
    if (args.get(1).equals("auto")) {
      nsid = -1;
    } else {
      try {
        nsid = Integer.decode(args.get(1));
      } catch (NumberFormatException e) {
        throw IpFail.invarg("Invalid \"netnsid\" value", args.get(1));
      }
      if (nsid < 0) {
        throw IpFail.invarg("\"netnsid\" value should be >= 0", args.get(1));
      }
    }
    NetNs peer = ctx.proc.kernel().named(args.get(0));
    if (peer == null) {
      throw new IpFail("Cannot open network namespace \"" + args.get(0)
          + "\": No such file or directory\n", 1);
    }
    ctx.requireNetAdmin();
    if (ctx.ns().nsidOf(peer) >= 0) {
      throw new IpFail("Error: Peer netns already has a nsid assigned.\n", 2);
    }
    if (nsid < 0) {
      ctx.ns().nsidAlloc(peer);
    } else if (!ctx.ns().nsidSet(peer, nsid)) {
      throw new IpFail("Error: The specified nsid is already used.\n", 2);
    }
    return 0;
  }


}
