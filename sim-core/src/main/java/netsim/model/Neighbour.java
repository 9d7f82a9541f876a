package netsim.model;

/**
 * A neighbour entry ({@code struct neighbour}) for one IPv4 address on one device. Its state is
 * kept as the state entered and when, and {@link NeighTable} derives what the entry shows at a
 * given time, as the kernel's timers would have moved it.
 */
public final class Neighbour {
  /** NUD states, as iproute2 prints them. */
  public enum State {
    INCOMPLETE, REACHABLE, STALE, DELAY, PROBE, FAILED, NOARP, PERMANENT
  }

  public final Device dev;
  public final int addr;
  long lladdr = -1;
  State state;
  long since;
  /** When the entry became REACHABLE, for its timeout. */
  long confirmed;
  /** A user made it ({@code ip neigh add}); the kernel's timers leave it alone. */
  boolean manual;

  Neighbour(Device dev, int addr) {
    this.dev = dev;
    this.addr = addr;
  }

  public long lladdr() {
    return lladdr;
  }

  public boolean hasLladdr() {
    return lladdr >= 0;
  }
}
