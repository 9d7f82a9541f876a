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
  }

  public Ping.Result lastPing() {
    return last;
  }
}
