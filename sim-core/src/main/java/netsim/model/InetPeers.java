package netsim.model;

import java.util.HashMap;
import java.util.Map;

/**
 * The per-destination state a namespace keeps for ICMP error rate limiting ({@code inet_peer}):
 * one token bucket per address answered, shared by {@code ip_error} and {@code icmp_send}, and
 * kept across commands (C5).
 */
public final class InetPeers {
  /** XRLIM_BURST_FACTOR. */
  private static final int BURST_FACTOR = 6;
  /** ip_rt_error_cost and ip_rt_error_burst, in ms. */
  private static final long ERROR_COST = 1000;
  private static final long ERROR_BURST = 5000;

  private static final class Peer {
    long tokens;
    long last;
  }

  private final Map<Integer, Peer> peers = new HashMap<>();

  private Peer peer(int addr, long now) {
    return peers.computeIfAbsent(addr, a -> {
      Peer p = new Peer();
      p.last = now - 60_000; // "chosen enough high so that the first calculation ... is at max"
      return p;
    });
  }

  /** {@code inet_peer_xrlim_allow}: burst of six, refilled at one per {@code timeoutMs}. */
  public boolean xrlimAllow(int addr, long now, long timeoutMs) {
    Peer p = peer(addr, now);
    long token = p.tokens + (now - p.last);
    p.last = now;
    if (token > BURST_FACTOR * timeoutMs) {
      token = BURST_FACTOR * timeoutMs;
    }
    boolean ok = false;
    if (token >= timeoutMs) {
      token -= timeoutMs;
      ok = true;
    }
    p.tokens = token;
    return ok;
  }

  /** The charge {@code ip_error} takes from the same bucket before it sends (C5). */
  public boolean ipErrorAllow(int addr, long now) {
    Peer p = peer(addr, now);
    p.tokens += now - p.last;
    if (p.tokens > ERROR_BURST) {
      p.tokens = ERROR_BURST;
    }
    p.last = now;
    if (p.tokens >= ERROR_COST) {
      p.tokens -= ERROR_COST;
      return true;
    }
    return false;
  }
}
