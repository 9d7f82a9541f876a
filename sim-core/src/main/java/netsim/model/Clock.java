package netsim.model;

/**
 * The model's own time, in milliseconds since the world was made. Nothing in the model reads the
 * wall clock: commands that take time (a ping waiting for a reply) advance this clock, so a
 * {@code ping -W1} costs no wall time, and everything that depends on time (neighbour states, ICMP
 * rate limits, DAD) follows it as the kernel's would follow real time.
 */
public final class Clock {
  private long nowMillis;

  public long now() {
    return nowMillis;
  }

  public void advance(long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException("time runs forward");
    }
    nowMillis += millis;
  }
}
