package netsim.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import netsim.model.Device;
import netsim.model.Errno;
import netsim.model.EventLoop;
import netsim.model.Ip4;
import netsim.model.Kernel;
import netsim.model.NetNs;

/**
 * One run of iputils 20221126 {@code ping} over a raw ICMP socket, in simulated time: packets go
 * out every {@code interval}; the run ends when every packet is answered (reply or error), or
 * {@code linger} after the last one (or twice the slowest rtt when something came back), or at
 * the {@code -w} deadline. Output lines and the exit status are ping's.
 */
public final class Ping {

  /** What the command line asked for. */
  public record Options(
      long count, long intervalMs, long lingerMs, long deadlineS, int ttl, int size,
      boolean quiet, String device, int boundSrc, int mark, boolean multicast) {}

  /** The outcome: what ping printed, its status, and every packet's way for explanations. */
  public record Result(String stdout, String stderr, int status, List<Journey> journeys,
      int received, int errors) {}

  private final Kernel kernel;
  private final PacketEngine engine;
  private final EventLoop loop;
  private int runs;

  public Ping(Kernel kernel, PacketEngine engine) {
    this.kernel = kernel;
    this.engine = engine;
    this.loop = kernel.events();
  }

  /** Everything ping does after its socket is set up: the header, the loop, the summary. */
  public Result run(NetNs ns, String hostname, int whereto, int source, Device bindDev,
      Options o, StringBuilder out, StringBuilder err) {
    // ping's ident is its PID: each run has its own, so a late error for an earlier run's
    // packet is not taken for this one's
    int ident = (0x1c2b + runs++) & 0xFFFF;
    long start = loop.now();
    List<Journey> journeys = new ArrayList<>();
    TreeMap<Long, List<Runnable>> inbox = new TreeMap<>();
    int[] counts = new int[4]; // received, errors, transmitted, duplicates
    long[] rtt = {Long.MAX_VALUE, 0, 0, 0}; // min, max, sum, sum2 (us)
    int[] pipe = {-1};
    java.util.Map<Integer, Long> sentAt = new java.util.HashMap<>();
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    PacketEngine.Socket sock = new PacketEngine.Socket() {
      @Override
      public NetNs ns() {
        return ns;
      }

      @Override
      public Device boundDev() {
        return bindDev;
      }

      @Override
      public boolean wants(Packet p) {
        if (p.icmpType() == Packet.ECHO_REPLY) {
          return p.icmpId() == ident;
        }
        Packet in = p.inner();
        return p.isIcmpError() && in != null && in.icmpType() == Packet.ECHO_REQUEST
            && in.dst() == whereto && in.icmpId() == ident;
      }

      @Override
      public void receive(Packet p, Journey j, long at) {
        inbox.computeIfAbsent(at, t -> new ArrayList<>()).add(() -> {
          if (p.icmpType() == Packet.ECHO_REPLY) {
            int seq = p.icmpSeq();
            acknowledge(counts[2], seq, pipe);
            long us = Math.max(1, (at - sentAt.getOrDefault(seq, at)) * 1000 + hopsUs(j));
            boolean dup = !seen.add(seq);
            if (dup) {
              counts[3]++;
            } else {
              counts[0]++;
            }
            // gather_statistics times duplicates too
            rtt[0] = Math.min(rtt[0], us);
            rtt[1] = Math.max(rtt[1], us);
            rtt[2] += us;
            rtt[3] += us * us;
            if (!o.quiet()) {
              out.append(o.size() + 8).append(" bytes from ").append(Ip4.format(p.src()))
                  .append(": icmp_seq=").append(seq).append(" ttl=").append(p.ttl())
                  .append(" time=").append(rttText(us));
              if (dup && !o.multicast()) { // a broadcast or multicast ping expects them
                out.append(" (DUP!)");
              }
              out.append('\n');
            }
          } else {
            int seq = p.inner().icmpSeq();
            acknowledge(counts[2], seq, pipe);
            counts[1]++;
            if (!o.quiet()) {
              out.append("From ").append(Ip4.format(p.src())).append(" icmp_seq=").append(seq)
                  .append(' ').append(icmpText(p.icmpType(), p.icmpCode())).append('\n');
            }
          }
        });
      }
    };
    engine.open(sock);
    long lastSend = start;
    try {
      long nextSend = start;
      long exitAt = -1;
      long deadlineAt = o.deadlineS() > 0 ? start + o.deadlineS() * 1000 : -1;
      // Like main_loop: at each wake-up, exit if due, send what is due, then read answers;
      // so a packet sent at the instant errors arrive is in flight when they are counted.
      while (true) {
        if ((exitAt >= 0 && loop.now() >= exitAt)
            || (deadlineAt >= 0 && loop.now() >= deadlineAt)) {
          break;
        }
        boolean canSend = o.count() == 0 || counts[2] < o.count() || deadlineAt >= 0;
        if (canSend && loop.now() >= nextSend) {
          int seq = counts[2] + 1;
          sentAt.put(seq, loop.now());
          seen.remove(seq);
          lastSend = loop.now();
          counts[2]++;
          Journey j = sendOne(ns, whereto, source, bindDev, o, ident, seq, err);
          if (j != null) {
            journeys.add(j);
          }
          journeys.addAll(engine.takeCreated());
          nextSend = loop.now() + o.intervalMs();
          if (o.count() > 0 && counts[2] >= o.count() && deadlineAt < 0 && exitAt < 0) {
            long wait = counts[0] > 0
                ? Math.max(2 * rtt[1] / 1000, o.intervalMs()) : o.lingerMs();
            exitAt = loop.now() + wait;
          }
        }
        drain(inbox, loop.now(), () -> o.count() > 0 && counts[0] + counts[1] >= o.count());
        if (o.count() > 0 && counts[0] + counts[1] >= o.count()) {
          break;
        }
        if (deadlineAt >= 0 && counts[1] > 0) {
          break;
        }
        long wake = Long.MAX_VALUE;
        boolean stillSending = o.count() == 0 || counts[2] < o.count() || deadlineAt >= 0;
        if (stillSending) {
          wake = Math.min(wake, nextSend);
        }
        if (exitAt >= 0) {
          wake = Math.min(wake, exitAt);
        }
        if (deadlineAt >= 0) {
          wake = Math.min(wake, deadlineAt);
        }
        long ev = loop.nextTime();
        if (ev >= 0) {
          wake = Math.min(wake, ev);
        }
        if (wake == Long.MAX_VALUE) {
          break;
        }
        loop.runUntil(wake);
        journeys.addAll(engine.takeCreated());
      }
    } finally {
      engine.close(sock);
    }
    summary(hostname, counts, rtt, pipe[0], lastSend - start, out);
    boolean deadline = o.deadlineS() > 0;
    int status = counts[0] == 0 || (deadline && counts[0] < o.count()) ? 1 : 0;
    return new Result(out.toString(), err.toString(), status, journeys, counts[0], counts[1]);
  }

  /** A tiny per-hop time, so an rtt is never 0 (the value is normalised when compared). */
  private static long hopsUs(Journey j) {
    return 20 + 10L * j.steps().size();
  }

  /**
   * Reads what arrived up to {@code upTo}, in order, until {@code done}: answers that arrive
   * together (a multicast's looped-back copy is answered first, during the send) are read one
   * by one, and ping stops reading once it has its count.
   */
  private static void drain(TreeMap<Long, List<Runnable>> inbox, long upTo,
      BooleanSupplier done) {
    while (!inbox.isEmpty() && inbox.firstKey() <= upTo) {
      List<Runnable> batch = inbox.firstEntry().getValue();
      while (!batch.isEmpty()) {
        if (done.getAsBoolean()) {
          return;
        }
        batch.remove(0).run();
      }
      inbox.pollFirstEntry();
    }
  }

  /** {@code acknowledge}: the pipe is how many were in flight when an answer came. */
  private static void acknowledge(int transmitted, int seq, int[] pipe) {
    int diff = (transmitted - seq) & 0xFFFF;
    if (diff <= 0x7FFF && diff + 1 > pipe[0]) {
      pipe[0] = diff + 1;
    }
  }

  /** One echo request through a raw socket: its own route lookup, then the walk. */
  private Journey sendOne(NetNs ns, int whereto, int source, Device bindDev, Options o,
      int ident, int seq, StringBuilder err) {
    RouteResult rt = Routing.output(ns, whereto, source, bindDev, o.mark());
    Packet p = Packet.echoRequest(rt.failed() ? source : (source != 0 ? source : rt.src()),
        whereto, o.ttl(), ident, seq, o.size());
    Journey j = new Journey("request " + seq, p, engine.detailed());
    if (rt.failed()) {
      // sendto() fails; with nothing on the error queue ping says nothing (hard local error)
      j.add(Step.drop(ns.displayName(), "sendto: " + rt.error().text));
      j.end(Journey.Fate.DROPPED, loop.now());
      return j;
    }
    engine.sendLocal(ns, p, rt, j, bindDev);
    if (j.sendError() != null) {
      err.append("ping: sendmsg: ").append(j.sendError().text).append('\n');
    }
    return j;
  }

  static String rttText(long us) {
    if (us >= 100_000 - 50) {
      return (us + 500) / 1000 + " ms";
    }
    if (us >= 10_000 - 5) {
      return (us + 50) / 1000 + "." + ((us + 50) % 1000) / 100 + " ms";
    }
    if (us >= 1000) {
      return (us + 5) / 1000 + "." + pad((us + 5) % 1000 / 10, 2) + " ms";
    }
    return us / 1000 + "." + pad(us % 1000, 3) + " ms";
  }

  /** Zero-padded decimal, as {@code %0Nld} (without Formatter, which is slow). */
  private static String pad(long v, int width) {
    String s = Long.toString(v);
    switch (width - s.length()) {
      case 1:
        return "0" + s;
      case 2:
        return "00" + s;
      default:
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }
  }

  private static String ms(long us) {
    return us / 1000 + "." + pad(us % 1000, 3);
  }

  private static void summary(String host, int[] c, long[] rtt, int pipe, long spanMs,
      StringBuilder out) {
    out.append("\n--- ").append(host).append(" ping statistics ---\n");
    out.append(c[2]).append(" packets transmitted, ").append(c[0]).append(" received");
    if (c[3] > 0) {
      out.append(", +").append(c[3]).append(" duplicates");
    }
    if (c[1] > 0) {
      out.append(", +").append(c[1]).append(" errors");
    }
    if (c[2] > 0) {
      double loss = (float) (((long) (c[2] - c[0])) * 100.0 / c[2]);
      out.append(", ").append(g(loss)).append("% packet loss");
      out.append(", time ").append(spanMs).append("ms");
    }
    out.append('\n');
    String comma = "";
    if (c[0] > 0) {
      long total = c[0] + c[3];
      long avg = rtt[2] / total;
      long var = (rtt[3] - (rtt[2] * rtt[2]) / total) / total;
      long mdev = (long) Math.sqrt(Math.max(0, var));
      out.append("rtt min/avg/max/mdev = ").append(ms(rtt[0])).append('/').append(ms(avg))
          .append('/').append(ms(rtt[1])).append('/').append(ms(mdev)).append(" ms");
      comma = ", ";
    }
    if (pipe > 1) {
      out.append(comma).append("pipe ").append(pipe);
    }
    out.append('\n');
  }

  /** C's {@code %g}: six significant digits, no trailing zeros. */
  static String g(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e6) {
      return Long.toString((long) v);
    }
    String s = String.format("%.6g", v);
    if (s.contains(".") && !s.contains("e")) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return s;
  }

  /** iputils' {@code pr_icmph} texts. */
  static String icmpText(int type, int code) {
    if (type == Packet.DEST_UNREACH) {
      return switch (code) {
        case 0 -> "Destination Net Unreachable";
        case 1 -> "Destination Host Unreachable";
        case 2 -> "Destination Protocol Unreachable";
        case 3 -> "Destination Port Unreachable";
        case 4 -> "Frag needed and DF set (mtu = 0)";
        case 5 -> "Source Route Failed";
        case 6 -> "Destination Net Unknown";
        case 7 -> "Destination Host Unknown";
        case 8 -> "Source Host Isolated";
        case 9 -> "Destination Net Prohibited";
        case 10 -> "Destination Host Prohibited";
        case 11 -> "Destination Net Unreachable for Type of Service";
        case 12 -> "Destination Host Unreachable for Type of Service";
        case 13 -> "Packet filtered";
        case 14 -> "Precedence Violation";
        case 15 -> "Precedence Cutoff";
        default -> "Dest Unreachable, Bad Code: " + code;
      };
    }
    if (type == Packet.TIME_EXCEEDED) {
      return code == 0 ? "Time to live exceeded" : "Frag reassembly time exceeded";
    }
    return "Bad ICMP type: " + type;
  }

  /** For callers that only need the errno text of a failed route. */
  static String strerror(Errno e) {
    return e.text;
  }
}
