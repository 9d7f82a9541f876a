package netsim.engine;

import java.util.ArrayList;
import java.util.List;
import netsim.model.Device;
import netsim.model.DeviceKind;
import netsim.model.Mac;

/**
 * Who receives a frame a device sends: a veth's peer, and through a bridge its other ports (or
 * the bridge device itself). A frame leaves only a device that is up with carrier, and is taken
 * only by a device that is up.
 */
final class L2 {
  private L2() {}

  /** A device that takes the frame, and the bridge that forwarded it there (or null). */
  record Receiver(Device dev, Device viaBridge) {}

  /**
   * The receivers of a frame sent out of {@code out} to {@code dstMac} ({@link Mac#BROADCAST}
   * floods).
   */
  static List<Receiver> receivers(Device out, long dstMac) {
    List<Receiver> r = new ArrayList<>();
    if (!out.isRunning()) {
      return r;
    }
    if (out.kind == DeviceKind.VETH) {
      Device p = out.peer();
      if (p != null && p.isUp()) {
        arrive(p, dstMac, r, 0);
      }
    } else if (out.kind == DeviceKind.BRIDGE) {
      bridgeOut(out, null, dstMac, r, 0);
    } else if (out.kind == DeviceKind.LOOPBACK) {
      r.add(new Receiver(out, null));
    }
    return r;
  }

  /** A frame arrives at {@code dev}: a bridge port hands it to its bridge. */
  private static void arrive(Device dev, long dstMac, List<Receiver> r, int depth) {
    if (depth > 16) {
      return;
    }
    Device br = dev.master();
    if (br == null) {
      r.add(new Receiver(dev, null));
      return;
    }
    if (!br.isUp()) {
      return;
    }
    boolean broadcast = dstMac == Mac.BROADCAST;
    if (broadcast || dstMac == br.mac()) {
      r.add(new Receiver(br, br));
      if (!broadcast) {
        return;
      }
    }
    bridgeOut(br, dev, dstMac, r, depth + 1);
  }

  /** The bridge sends a frame out of its ports (all but the ingress one), or to the known one. */
  private static void bridgeOut(Device br, Device ingress, long dstMac, List<Receiver> r,
      int depth) {
    List<Device> targets = new ArrayList<>();
    for (Device port : br.ports()) {
      if (port == ingress || !port.isRunning()) {
        continue;
      }
      if (dstMac != Mac.BROADCAST && reaches(port, dstMac)) {
        targets.clear();
        targets.add(port);
        break;
      }
      targets.add(port);
    }
    for (Device port : targets) {
      if (port.kind == DeviceKind.VETH && port.peer() != null && port.peer().isUp()) {
        int before = r.size();
        arrive(port.peer(), dstMac, r, depth + 1);
        for (int i = before; i < r.size(); i++) {
          if (r.get(i).viaBridge() == null) {
            r.set(i, new Receiver(r.get(i).dev(), br));
          }
        }
      }
    }
  }

  /** Whether the device with this MAC lies behind the port (its veth peer, or further). */
  private static boolean reaches(Device port, long mac) {
    Device p = port.peer();
    if (p == null) {
      return false;
    }
    if (p.mac() == mac) {
      return true;
    }
    Device br = p.master();
    if (br != null) {
      if (br.mac() == mac) {
        return true;
      }
      for (Device q : br.ports()) {
        if (q != p && q.peer() != null && q.peer().mac() == mac) {
          return true;
        }
      }
    }
    return false;
  }
}
