package netsim.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A namespace's IPv4 forwarding information base: its routing tables and policy rules, with the
 * kernel's insertion, deletion and lookup semantics ({@code fib_table_insert},
 * {@code fib_table_delete}, {@code fib_rules_lookup}).
 *
 * <p>Tables are created on first use and, as in the kernel, never removed (the kernel frees a
 * table only with its namespace).
 */
public final class Fib {
  public static final int TABLE_UNSPEC = 0;
  public static final int TABLE_DEFAULT = 253;
  public static final int TABLE_MAIN = 254;
  public static final int TABLE_LOCAL = 255;

  private final Map<Integer, FibTable> tables = new HashMap<>();
  /** The same tables by id without boxing, for the lookup's hot path. */
  private final IntObjectMap<FibTable> byId = new IntObjectMap<>();
  private final List<FibRule> rules = new ArrayList<>();
  /** {@code fib_has_custom_rules}: set by any rule change, never cleared. */
  private boolean customRules;
  /** {@code fib_has_custom_local_routes}: a user added a local route. */
  private boolean customLocalRoutes;

  Fib() {
    tableOrCreate(TABLE_MAIN);
    rules.add(FibRule.lookup(0, TABLE_LOCAL, Route.PROTO_KERNEL));
    rules.add(FibRule.lookup(32766, TABLE_MAIN, Route.PROTO_KERNEL));
    rules.add(FibRule.lookup(32767, TABLE_DEFAULT, Route.PROTO_KERNEL));
  }

  /** The table, or null when it was never created. */
  public FibTable table(int id) {
    return byId.get(id);
  }

  FibTable tableOrCreate(int id) {
    FibTable t = byId.get(id);
    if (t == null) {
      t = new FibTable(id);
      byId.put(id, t);
      tables.put(id, t);
    }
    return t;
  }

  /** Existing tables by id, unsigned ascending. */
  public Map<Integer, FibTable> tables() {
    TreeMap<Integer, FibTable> m = new TreeMap<>(Integer::compareUnsigned);
    m.putAll(tables);
    return m;
  }

  public List<FibRule> rules() {
    return Collections.unmodifiableList(rules);
  }

  // ------------------------------------------------------------------------------ routes

  /** Flags of a route change request, as iproute2's verbs set them. */
  public record Nlm(boolean create, boolean excl, boolean replace, boolean append) {
    public static final Nlm ADD = new Nlm(true, true, false, false);
    public static final Nlm REPLACE = new Nlm(true, false, true, false);
    public static final Nlm CHANGE = new Nlm(false, false, true, false);
    public static final Nlm APPEND = new Nlm(true, false, false, true);
    public static final Nlm PREPEND = new Nlm(true, false, false, false);
    public static final Nlm TEST = new Nlm(false, true, false, false);
  }

  /**
   * {@code fib_table_insert}: places the route among the prefix's aliases. With an alias of the
   * same metric present: EXCL fails with EEXIST; REPLACE replaces the first; otherwise an
   * identical alias fails with EEXIST, APPEND goes after the same-metric group and anything else
   * before it. Without one: CREATE inserts before the first higher metric, else ENOENT.
   */
  void insert(Route r, Nlm flags) {
    FibTable t = tableOrCreate(r.table());
    List<Route> l = t.leaf(r.dst());
    int first = -1;
    int pos = l.size();
    for (int i = 0; i < l.size(); i++) {
      if (l.get(i).metric() >= r.metric() && first < 0) {
        if (l.get(i).metric() == r.metric()) {
          first = i;
        }
        pos = i;
        break;
      }
    }
    if (first >= 0) {
      if (flags.excl()) {
        throw new KernelException(Errno.EEXIST);
      }
      int match = -1;
      int end = first;
      while (end < l.size() && l.get(end).metric() == r.metric()) {
        if (match < 0 && sameInfo(l.get(end), r)) {
          match = end;
        }
        end++;
      }
      if (flags.replace()) {
        if (match >= 0) {
          if (match != first) {
            throw new KernelException(Errno.EEXIST);
          }
          return;
        }
        t.replace(l.get(first), r);
        return;
      }
      if (match >= 0) {
        throw new KernelException(Errno.EEXIST);
      }
      pos = flags.append() ? end : first;
    }
    if (!flags.create()) {
      throw new KernelException(Errno.ENOENT);
    }
    t.insert(r, pos);
  }

  /** The same type, scope and {@code fib_info}: nothing would tell the two apart. */
  private static boolean sameInfo(Route a, Route b) {
    return a.type() == b.type() && a.scope() == b.scope() && a.protocol() == b.protocol()
        && a.prefsrc() == b.prefsrc() && a.gateway() == b.gateway() && a.dev() == b.dev()
        && a.onlink() == b.onlink() && a.tos() == b.tos();
  }

  /** What {@code ip route del} asks to match; zero/null fields match anything. */
  public record DeleteSpec(
      int table, Prefix dst, RouteType type, Scope scope, int protocol, int metric, int gateway,
      Device dev, int prefsrc) {}

  /**
   * {@code fib_table_delete}: removes the first alias of the prefix that the request matches;
   * ESRCH when there is none.
   */
  Route delete(DeleteSpec s) {
    FibTable t = byId.get(s.table());
    if (t == null) {
      throw new KernelException(Errno.ESRCH);
    }
    for (Route r : t.leaf(s.dst())) {
      if ((s.type() == null || r.type() == s.type())
          && (s.scope() == null || r.scope() == s.scope())
          && (s.protocol() == 0 || r.protocol() == s.protocol())
          && (s.metric() == 0 || r.metric() == s.metric())
          && (s.gateway() == 0 || r.gateway() == s.gateway())
          && (s.dev() == null || r.dev() == s.dev())
          && (s.prefsrc() == 0 || r.prefsrc() == s.prefsrc())) {
        t.remove(r);
        return r;
      }
    }
    throw new KernelException(Errno.ESRCH);
  }

  boolean removeRoute(Route r) {
    FibTable t = byId.get(r.table());
    return t != null && t.remove(r);
  }

  /** Removes the routes the predicate selects, from every table. */
  int removeIf(Predicate<Route> p) {
    int n = 0;
    for (FibTable t : tables.values()) {
      n += t.removeIf(p);
    }
    return n;
  }

  // ------------------------------------------------------------------------------ rules

  public boolean customRules() {
    return customRules;
  }

  public boolean customLocalRoutes() {
    return customLocalRoutes;
  }

  void markCustomLocalRoute() {
    customLocalRoutes = true;
  }

  void addRule(FibRule r) {
    customRules = true;
    int i = 0;
    while (i < rules.size() && rules.get(i).priority() <= r.priority()) {
      i++;
    }
    rules.add(i, r);
  }

  void removeRule(FibRule r) {
    customRules = true;
    rules.remove(r);
  }

  // ------------------------------------------------------------------------------ lookup

  /**
   * {@code fib_lookup}: walks the rules in order. A lookup rule consults its table: a found route
   * ends the walk (a reject route with its error), a {@code throw} route or no match goes on to
   * the next rule. When no rule decides, the answer is ENETUNREACH.
   */
  public FibResult lookup(Flow f, boolean ignoreLinkState) {
    for (FibRule rule : rules) {
      if (!rule.matches(f)) {
        continue;
      }
      switch (rule.action()) {
        case NOP, GOTO -> {
          continue;
        }
        case BLACKHOLE, UNREACHABLE, PROHIBIT -> {
          return FibResult.error(rule.action().error, rule);
        }
        default -> { }
      }
      FibTable t = byId.get(rule.table());
      if (t == null) {
        continue;
      }
      Route r = t.lookup(f.dst(), f.oif(), f.scope().value, ignoreLinkState);
      if (r == null) {
        continue;
      }
      if (r.type() == RouteType.THROW) {
        continue;
      }
      if (rule.suppressPrefixLen() >= 0 && r.dst().len() <= rule.suppressPrefixLen()) {
        continue;
      }
      if (r.type().error != null) {
        return new FibResult(r, rule, r.type().error);
      }
      return new FibResult(r, rule, null);
    }
    return NO_ROUTE;
  }

  /** The answer when no rule decides (shared: results are immutable). */
  private static final FibResult NO_ROUTE = FibResult.error(Errno.ENETUNREACH, null);
}
