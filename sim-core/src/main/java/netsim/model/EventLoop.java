package netsim.model;

import java.util.PriorityQueue;

/**
 * Things the kernel does later (an ARP resolution that gives up, a delayed proxy ARP answer), in
 * simulated time. Events run in time order, and in the order they were scheduled at equal
 * times; running one advances the model's clock to its time.
 */
public final class EventLoop {
  private record Event(long time, long seq, Runnable action) {}

  private final Clock clock;
  private final PriorityQueue<Event> queue = new PriorityQueue<>(
      (a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
  private long seq;

  public EventLoop(Clock clock) {
    this.clock = clock;
  }

  public long now() {
    return clock.now();
  }

  /** Runs {@code action} at {@code time} (not before now). */
  public void at(long time, Runnable action) {
    queue.add(new Event(Math.max(time, clock.now()), seq++, action));
  }

  /** Runs every event due up to and including {@code time}, then sets the clock to it. */
  public void runUntil(long time) {
    while (!queue.isEmpty() && queue.peek().time <= time) {
      Event e = queue.poll();
      if (e.time > clock.now()) {
        clock.advance(e.time - clock.now());
      }
      e.action.run();
    }
    if (time > clock.now()) {
      clock.advance(time - clock.now());
    }
  }

  /** The time of the next event, or -1. */
  public long nextTime() {
    return queue.isEmpty() ? -1 : queue.peek().time;
  }
}
