package netsim.cmd.ip;

import netsim.cmd.Io;
import netsim.cmd.Proc;
import netsim.model.Device;
import netsim.model.NetNs;

/** One run of {@code ip}: its global options, the process it runs as, and its output. */
final class IpCtx {
  enum Family { UNSPEC, INET, INET6, PACKET }

  final Io io;
  Proc proc;
  Family family = Family.UNSPEC;
  int json;
  boolean pretty;
  int brief;
  int details;
  int stats;
  int oneline;

  IpCtx(Proc proc, Io io) {
    this.proc = proc;
    this.io = io;
  }

  NetNs ns() {
    return proc.netns();
  }

  boolean json() {
    return json > 0;
  }

  /** {@code ll_name_to_index}: the device, or null. */
  Device dev(String name) {
    return ns().device(name);
  }

  /** A device that must exist, or iproute2's {@code Cannot find device "X"} (status 1). */
  Device needDev(String name) {
    Device d = dev(name);
    if (d == null) {
      throw IpFail.nodev(name);
    }
    return d;
  }

  /** A change to the namespace: CAP_NET_ADMIN over its owner, or the kernel's EPERM. */
  void requireNetAdmin() {
    if (!proc.canAdminNet()) {
      throw new IpFail("RTNETLINK answers: Operation not permitted\n", 2);
    }
  }

  void out(String s) {
    io.out(s);
  }

  void printJson(Object v) {
    io.out(Json.render(v, pretty));
    io.out("\n");
  }
}
