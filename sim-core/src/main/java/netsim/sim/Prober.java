package netsim.sim;

import java.util.ArrayList;
import java.util.List;
import netsim.cmd.Io;
import netsim.cmd.Proc;
import netsim.engine.Engines;
import netsim.engine.Journey;
import netsim.engine.Ping;
import netsim.model.Device;
import netsim.model.IfAddr;
import netsim.model.Ip4;
import netsim.model.Kernel;
import netsim.model.NetNs;

/**
 * Reachability questions asked of a simulated world, each answered by running exactly
 * {@code ping -c1 -W1 ADDR} in the source namespace (so a matrix says what ping would say), and
 * keeping the packets' ways for explanations.
 */
public final class Prober {
  private final Simulator.Session session;

  public Prober(Simulator.Session session) {
    this.session = session;
  }

  /** One probe: OK when ping got a reply. */
  public record Probe(String from, String to, boolean ok, int status, String stdout,
      String stderr, List<Journey> journeys) {

    /**
     * Where the probe was lost: the first lost step of its packets ({@code at NS: why}), a
     * packet still under way when ping stopped waiting, or what ping said when it could not
     * send at all; null for a probe that got its reply.
     */
    public String lostAt() {
      if (ok) {
        return null;
      }
      for (Journey j : journeys) {
        netsim.engine.Step s = j.lostAt();
        if (s != null) {
          return "at " + s.ns() + ": " + s.detail();
        }
      }
      for (Journey j : journeys) {
        if (j.fate() == Journey.Fate.IN_FLIGHT) {
          return "in flight: "
              + (j.steps().isEmpty() ? "" : j.steps().get(j.steps().size() - 1));
        }
      }
      String err = stderr.strip();
      return err.isEmpty() ? null : "at " + from + ": " + err.lines().reduce((a, b) -> b).get();
    }
  }

  /** The namespace called {@code name}: a /run/netns name, or {@code host}. */
  public NetNs namespace(String name) {
    Kernel k = session.kernel();
    if (name.equals("host")) {
      return k.host();
    }
    return k.named(name);
  }

  /** Every namespace, named ones in creation order, then the host (the matrix's sources). */
  public List<String> defaultSources() {
    List<String> out = new ArrayList<>(session.kernel().namedList());
    out.add("host");
    return out;
  }

  /** Every IPv4 address configured outside lo, source by source, device by device. */
  public List<String> defaultTargets() {
    List<String> out = new ArrayList<>();
    for (String s : defaultSources()) {
      NetNs ns = namespace(s);
      for (Device d : ns.devices()) {
        if (d.isLoopback()) {
          continue;
        }
        for (IfAddr a : d.addrs()) {
          String t = Ip4.format(a.local());
          if (!out.contains(t)) {
            out.add(t);
          }
        }
      }
    }
    return out;
  }

  /** A probe that keeps every step's text, for explanations. */
  public Probe probe(String from, String to) {
    return probe(from, to, true);
  }

  /**
   * A probe; with {@code detailed} false only the verdict and the step that lost the packet are
   * kept, which is what a large matrix needs, and much faster.
   */
  public Probe probe(String from, String to, boolean detailed) {
    NetNs ns = namespace(from);
    if (ns == null) {
      throw new IllegalArgumentException("no namespace called " + from);
    }
    Proc p = session.rootProc().withNetns(ns);
    Io io = new Io();
    Engines e = Engines.of(session.kernel());
    e.lastPing(null);
    e.engine().setDetailed(detailed);
    int status;
    try {
      status = p.exec(List.of("ping", "-c1", "-W1", to), io);
    } finally {
      e.engine().setDetailed(true);
    }
    Ping.Result r = e.lastPing();
    List<Journey> js = r == null ? List.of() : r.journeys();
    return new Probe(from, to, status == 0, status, io.stdout(), io.stderr(), js);
  }
}
