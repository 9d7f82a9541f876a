package netsim.engine;

import java.util.ArrayList;
import java.util.List;
import netsim.model.Bridge;
import netsim.model.Device;
import netsim.model.Mac;

/**
 * Who receives a frame a device sends: a veth's peer; through a bridge, what the bridge's
 * forwarding decides; lo itself.
 *
 * <p>A frame leaves only a device that is up with carrier, and a veth's peer takes it only when
 * up ({@code veth_xmit}, {@code is_skb_forwardable}). A frame that reaches a bridge port is the
 * bridge's ({@code br_handle_frame}): dropped unless the port forwards; otherwise the bridge
 * learns the source MAC behind the port, takes the frame itself when it is addressed to the
 * bridge (or a port: the local FDB entries) or is a broadcast, and sends it out of the port the
 * destination was learned behind, or floods it out of every other forwarding port when the
 * destination is unknown or a broadcast ({@code br_handle_frame_finish}, {@code br_flood}). The
 * bridge device's own frames ({@code br_dev_xmit}) go the same way, with no port to skip.
 */
final class L2 {
  private L2() {}

  /** Bridges in a row deeper than this are a loop: the real kernel would storm, not answer. */
  private static final int MAX_DEPTH = 16;

  /**
   * One bridge a frame went through: it came in on port {@code in} (null: the bridge's own stack
   * sent it) and left by port {@code out} (null: the bridge took it itself).
   */
  record Hop(Device bridge, Device in, Device out) {
    /** Bridged between two ports: what br_netfilter passes through the FORWARD chain. */
    boolean forwarded() {
      return in != null && out != null;
    }

    String describe() {
      if (in == null) {
        return "bridge " + bridge.name() + " sends the frame out of " + out.name();
      }
      if (out == null) {
        return "bridge " + bridge.name() + " takes the frame from " + in.name() + " itself";
      }
      return "bridge " + bridge.name() + " forwards the frame from " + in.name() + " to "
          + out.name();
    }
  }

  /** A device that takes the frame, and the bridges the frame crossed to get there. */
  record Receiver(Device dev, List<Hop> hops) {
    /** The last bridge on the way, or null. */
    Device viaBridge() {
      return hops.isEmpty() ? null : hops.get(hops.size() - 1).bridge();
    }
  }

  /**
   * The receivers of a frame sent out of {@code out} to {@code dstMac} ({@link Mac#BROADCAST}
   * floods), at the kernel's current time.
   */
  static List<Receiver> receivers(Device out, long dstMac) {
    return receivers(out, dstMac, out.ns().kernel().clock().now());
  }

  static List<Receiver> receivers(Device out, long dstMac, long now) {
    List<Receiver> r = new ArrayList<>();
    send(out, out.mac(), dstMac, List.of(), r, now, 0);
    return r;
  }

  /** A device puts a frame on its link. */
  private static void send(Device out, long srcMac, long dstMac, List<Hop> hops,
      List<Receiver> r, long now, int depth) {
    if (!out.isRunning() || depth > MAX_DEPTH) {
      return;
    }
    switch (out.kind) {
      case VETH -> {
        Device p = out.peer();
        if (p != null && p.isUp()) {
          arrive(p, srcMac, dstMac, hops, r, now, depth);
        }
      }
      case BRIDGE -> bridgeOut(Bridge.of(out), null, srcMac, dstMac, hops, r, now, depth);
      case LOOPBACK -> r.add(new Receiver(out, hops));
      default -> { } // a dummy device drops what it is given
    }
  }

  /** A frame arrives at {@code dev}: a bridge port hands it to its bridge. */
  private static void arrive(Device dev, long srcMac, long dstMac, List<Hop> hops,
      List<Receiver> r, long now, int depth) {
    Bridge.Port port = dev.bridgePort();
    if (port == null) {
      r.add(new Receiver(dev, hops));
      return;
    }
    if (!port.forwarding()) {
      return; // a disabled port (or a port of a bridge that is down) drops everything
    }
    Bridge br = port.bridge();
    br.learn(port, srcMac, now);
    boolean group = Mac.isMulticast(dstMac);
    if (group || br.isLocal(dstMac)) {
      r.add(new Receiver(br.dev(), with(hops, new Hop(br.dev(), dev, null))));
      if (!group) {
        return;
      }
    }
    bridgeOut(br, dev, srcMac, dstMac, hops, r, now, depth);
  }

  /**
   * The bridge sends a frame out of its ports: to the one the destination was learned behind, or
   * flooded out of every forwarding port but the one it came in on.
   */
  private static void bridgeOut(Bridge br, Device ingress, long srcMac, long dstMac,
      List<Hop> hops, List<Receiver> r, long now, int depth) {
    List<Device> targets = new ArrayList<>();
    Bridge.Port known = Mac.isMulticast(dstMac) ? null : br.lookup(dstMac, now);
    if (known != null) {
      if (known.dev() != ingress && known.forwarding()) {
        targets.add(known.dev());
      }
    } else {
      // br_flood walks br->port_list, where br_add_if puts each new port at the head: the
      // port enslaved last gets its copy first (and so, of several ARP answers, its wins)
      List<Bridge.Port> ports = br.ports();
      for (int i = ports.size() - 1; i >= 0; i--) {
        Bridge.Port p = ports.get(i);
        if (p.dev() != ingress && p.forwarding()) {
          targets.add(p.dev());
        }
      }
    }
    for (Device port : targets) {
      send(port, srcMac, dstMac, with(hops, new Hop(br.dev(), ingress, port)), r, now,
          depth + 1);
    }
  }

  private static List<Hop> with(List<Hop> hops, Hop h) {
    List<Hop> out = new ArrayList<>(hops.size() + 1);
    out.addAll(hops);
    out.add(h);
    return List.copyOf(out);
  }

}
