package netsim.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A namespace's ARP table. The packet engine records what resolution did; the states shown
 * follow the model's clock as the kernel's timers would move them: REACHABLE lasts
 * {@code base_reachable_time} (30 s; the kernel randomises it between 15 and 45 s) and then
 * reads STALE; a STALE entry used to send becomes DELAY, and after
 * {@code delay_first_probe_time} (5 s) a unicast probe that the neighbour answers makes it
 * REACHABLE again.
 */
public final class NeighTable {
  public static final long REACHABLE_MS = 30_000;
  public static final long DELAY_FIRST_PROBE_MS = 5_000;

  private final NetNs ns;
  private final Map<Key, Neighbour> entries = new HashMap<>();
  /** Insertion order, for dumps. */
  private final List<Neighbour> order = new ArrayList<>();

  NeighTable(NetNs ns) {
    this.ns = ns;
  }

  /** Devices compare by identity, so two devices with one name never share entries. */
  private record Key(Device dev, int addr) {}

  private static Key key(Device dev, int addr) {
    return new Key(dev, addr);
  }

  public Neighbour get(Device dev, int addr) {
    return entries.get(key(dev, addr));
  }

  private Neighbour getOrCreate(Device dev, int addr) {
    Neighbour n = get(dev, addr);
    if (n == null) {
      n = new Neighbour(dev, addr);
      entries.put(key(dev, addr), n);
      order.add(n);
    }
    return n;
  }

  private long now() {
    return ns.kernel().clock().now();
  }

  /** The state the entry shows now. */
  public Neighbour.State stateNow(Neighbour n) {
    long t = now();
    switch (n.state) {
      case REACHABLE:
        return t - n.confirmed >= REACHABLE_MS ? Neighbour.State.STALE : n.state;
      case DELAY:
        // the probe after delay_first_probe_time is answered: REACHABLE again
        if (t - n.since >= DELAY_FIRST_PROBE_MS) {
          long conf = n.since + DELAY_FIRST_PROBE_MS;
          return t - conf >= REACHABLE_MS ? Neighbour.State.STALE : Neighbour.State.REACHABLE;
        }
        return n.state;
      case INCOMPLETE:
        // mcast_solicit probes retrans_time apart, then the kernel gives up
        long giveUp = (long) Math.max(1, n.dev.conf().mcastSolicit) * n.dev.conf().retransTimeMs;
        return t - n.since >= giveUp ? Neighbour.State.FAILED : n.state;
      default:
        return n.state;
    }
  }

  /** An answer to our request: REACHABLE with the neighbour's address. */
  public void confirmed(Device dev, int addr, long lladdr) {
    Neighbour n = getOrCreate(dev, addr);
    if (n.manual) {
      return;
    }
    n.lladdr = lladdr;
    n.state = Neighbour.State.REACHABLE;
    n.since = now();
    n.confirmed = now();
  }

  /**
   * A request from the neighbour for one of our addresses ({@code neigh_event_ns}): a new entry,
   * or one with another address, becomes STALE; a known entry keeps its state.
   */
  public void heardFrom(Device dev, int addr, long lladdr) {
    Neighbour n = get(dev, addr);
    if (n != null && (n.manual || (n.hasLladdr() && n.lladdr == lladdr
        && n.state != Neighbour.State.FAILED && n.state != Neighbour.State.INCOMPLETE))) {
      return;
    }
    n = getOrCreate(dev, addr);
    n.lladdr = lladdr;
    n.state = Neighbour.State.STALE;
    n.since = now();
  }

  /** We send through the entry: a STALE one moves to DELAY. */
  public void used(Neighbour n) {
    if (n.manual) {
      return;
    }
    Neighbour.State s = stateNow(n);
    if (s == Neighbour.State.STALE) {
      n.state = Neighbour.State.DELAY;
      n.since = now();
    } else if (s != n.state) {
      // settle a timer-derived state before it is changed further
      if (s == Neighbour.State.REACHABLE && n.state == Neighbour.State.DELAY) {
        n.confirmed = n.since + DELAY_FIRST_PROBE_MS;
        n.state = Neighbour.State.REACHABLE;
      }
    }
  }

  /** Resolution failed: FAILED, with no address. */
  public void failed(Device dev, int addr) {
    Neighbour n = getOrCreate(dev, addr);
    if (n.manual) {
      return;
    }
    n.lladdr = -1;
    n.state = Neighbour.State.FAILED;
    n.since = now();
  }

  /** Resolution under way (shown INCOMPLETE). */
  public void incomplete(Device dev, int addr) {
    Neighbour n = getOrCreate(dev, addr);
    if (n.manual) {
      return;
    }
    n.lladdr = -1;
    n.state = Neighbour.State.INCOMPLETE;
    n.since = now();
  }

  /** {@code ip neigh add|replace}: a manual entry. */
  public void putManual(Device dev, int addr, long lladdr, Neighbour.State state) {
    Neighbour n = getOrCreate(dev, addr);
    n.manual = state == Neighbour.State.PERMANENT || state == Neighbour.State.NOARP;
    n.lladdr = lladdr;
    n.state = state;
    n.since = now();
    n.confirmed = now();
  }

  public boolean remove(Device dev, int addr) {
    Neighbour n = get(dev, addr);
    if (n == null) {
      return false;
    }
    entries.remove(key(dev, addr));
    order.remove(n);
    return true;
  }

  /** {@code neigh_ifdown}: a device's entries go (permanent ones too when it leaves). */
  void flushDevice(Device dev) {
    flushDevice(dev, false);
  }

  /**
   * {@code neigh_flush_dev}: a device's entries go; with {@code keepPermanent}, as when only its
   * carrier went ({@code neigh_carrier_down}), PERMANENT ones stay.
   */
  void flushDevice(Device dev, boolean keepPermanent) {
    order.removeIf(n -> {
      if (n.dev == dev && !(keepPermanent && n.state == Neighbour.State.PERMANENT)) {
        entries.remove(key(dev, n.addr));
        return true;
      }
      return false;
    });
  }

  /** Entries for a dump: newest first. (The kernel lists them in hash order, which is random.) */
  public List<Neighbour> entries() {
    List<Neighbour> out = new ArrayList<>(order);
    java.util.Collections.reverse(out);
    return out;
  }
}
