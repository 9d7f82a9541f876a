package netsim.netfilter;

/** A rule's or a policy's packet and byte counters ({@code struct xt_counters}). */
public final class Counters {
  private long packets;
  private long bytes;

  public long packets() {
    return packets;
  }

  public long bytes() {
    return bytes;
  }

  void count(int length) {
    packets++;
    bytes += length;
  }

  void set(long p, long b) {
    packets = p;
    bytes = b;
  }

  void zero() {
    packets = 0;
    bytes = 0;
  }

  @Override
  public String toString() {
    return "[" + packets + ":" + bytes + "]";
  }
}
