package netsim.sim;

import java.util.ArrayList;
import java.util.List;
import netsim.engine.Engines;
import netsim.engine.Journey;
import netsim.engine.Ping;
import netsim.engine.Step;
import netsim.model.CapDenial;
import netsim.model.Kernel;

/**
 * Why a line did what it did, in the kernel's terms: each capability check that failed (which
 * capability, over which user namespace, and where the process's own capabilities count), and
 * for each ping the way every packet took, step by step, with the step that lost it.
 *
 * <p>Call {@link #reset} before a line and {@link #after} once it has run.
 */
public final class Explain {

  private Explain() {}

  /** Forgets what earlier lines left behind. */
  public static void reset(Kernel k) {
    k.capAudit().drain();
    Engines.of(k).drainPings();
    Engines.of(k).drainNotes();
  }

  /** The explanation of what ran since {@link #reset}, one sentence or step per element. */
  public static List<String> after(Kernel k) {
    List<String> out = new ArrayList<>();
    for (CapDenial d : k.capAudit().drain()) {
      out.add("denied: " + d);
    }
    out.addAll(Engines.of(k).drainNotes());
    for (Ping.Result r : Engines.of(k).drainPings()) {
      for (Journey j : r.journeys()) {
        out.addAll(journey(j));
      }
    }
    return out;
  }

  /** A packet's way: a header line, its steps ({@code x} marks the one that lost it), its end. */
  public static List<String> journey(Journey j) {
    List<String> out = new ArrayList<>();
    out.add(j.label() + ": " + j.packet().describe());
    for (Step st : j.steps()) {
      out.add("  " + (st.lost() ? "x " : "  ") + st);
    }
    out.add("  => " + fate(j));
    return out;
  }

  /** How a packet's way ended, in words. */
  public static String fate(Journey j) {
    return switch (j.fate()) {
      case RECEIVED -> "received by ping";
      case DELIVERED -> "delivered";
      case DROPPED -> "lost";
      case IN_FLIGHT -> "still under way when ping stopped waiting";
    };
  }
}
