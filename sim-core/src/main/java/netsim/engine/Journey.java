package netsim.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The way one packet took: its steps in order, and how it ended. An echo request's journey ends
 * where a reply (or an ICMP error) starts one of its own; the {@link Probe} keeps them together.
 */
public final class Journey {
  /** How a packet's way ended. */
  public enum Fate {
    /** Still under way: waiting for its next hop to be resolved. */
    IN_FLIGHT,
    /** Handed to the local stack of its destination (which may answer). */
    DELIVERED,
    /** Received by the ping socket that waits for it. */
    RECEIVED,
    /** Lost: a drop, silent or with an ICMP error sent back. */
    DROPPED
  }

  private final String label;
  private final Packet packet;
  private final List<Step> steps = new ArrayList<>();
  private Fate fate = Fate.IN_FLIGHT;
  private long endedAt = -1;
  private netsim.model.Errno sendError;

  private final boolean detailed;

  public Journey(String label, Packet packet) {
    this(label, packet, true);
  }

  public Journey(String label, Packet packet, boolean detailed) {
    this.label = label;
    this.packet = packet;
    this.detailed = detailed;
  }

  /** Whether steps keep their text; without it only the step that lost the packet is kept. */
  public boolean detailed() {
    return detailed;
  }

  public String label() {
    return label;
  }

  public Packet packet() {
    return packet;
  }

  public List<Step> steps() {
    return Collections.unmodifiableList(steps);
  }

  public Fate fate() {
    return fate;
  }

  public long endedAt() {
    return endedAt;
  }

  /**
   * The error the sending socket's {@code sendmsg} returned, or null when it returned success.
   * A netfilter REJECT in OUTPUT sends its ICMP error back through lo and, when that error
   * reaches the socket, the send fails with EPERM; a DROP there is silent, and so is a REJECT
   * whose error a rule drops too (all seen on the kernel).
   */
  public netsim.model.Errno sendError() {
    return sendError;
  }

  void failSend(netsim.model.Errno e) {
    if (sendError == null) {
      sendError = e;
    }
  }

  void add(Step s) {
    steps.add(s);
  }

  void end(Fate f, long at) {
    if (fate == Fate.IN_FLIGHT) {
      fate = f;
      endedAt = at;
    }
  }

  /** The step where the packet was lost, or null. */
  public Step lostAt() {
    for (Step s : steps) {
      if (s.lost()) {
        return s;
      }
    }
    return null;
  }
}
