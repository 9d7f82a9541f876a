package netsim.engine;

import java.util.Map;
import java.util.WeakHashMap;
import netsim.model.Kernel;

/**
 * The packet engine of each simulated kernel, made on first use, with the netfilter hooks the
 * model has. Keeps the last ping's result for explanations ({@code netsim trace}).
 */
public final class Engines {
  private static final Map<Kernel, Engines> ALL = new WeakHashMap<>();
  private static volatile java.util.function.Function<Kernel, Hooks> hooksFactory =
      k -> Hooks.NONE;

  private final PacketEngine engine;
  private final Ping ping;
  private Ping.Result last;
  private final java.util.List<Ping.Result> recent = new java.util.ArrayList<>();
  private final java.util.List<String> notes = new java.util.ArrayList<>();

  private Engines(Kernel k) {
    this.engine = new PacketEngine(k, hooksFactory.apply(k));
    this.ping = new Ping(k, engine);
  }

  /** Installs how hooks are made for a kernel (the netfilter part of the model does this). */
  public static void setHooksFactory(java.util.function.Function<Kernel, Hooks> f) {
    hooksFactory = f;
  }

  public static synchronized Engines of(Kernel k) {
    return ALL.computeIfAbsent(k, Engines::new);
  }

  public PacketEngine engine() {
    return engine;
  }

  public Ping ping() {
    return ping;
  }

  public void lastPing(Ping.Result r) {
    last = r;
    if (r != null && recent.size() < 64) {
      recent.add(r);
    }
  }

  /** Records why a command stopped before any packet moved (e.g. ping's connect()). */
  public void note(String why) {
    if (notes.size() < 64) {
      notes.add(why);
    }
  }

  /** The notes since the last call, oldest first; the record is then empty. */
  public java.util.List<String> drainNotes() {
    java.util.List<String> out = java.util.List.copyOf(notes);
    notes.clear();
    return out;
  }

  /** The pings run since the last call, oldest first (at most 64); the record is then empty. */
  public java.util.List<Ping.Result> drainPings() {
    java.util.List<Ping.Result> out = java.util.List.copyOf(recent);
    recent.clear();
    return out;
  }

  public Ping.Result lastPing() {
    return last;
  }
}
