package netsim.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * One routing table. Routes with the same prefix share a leaf, whose list is in the kernel's
 * order for aliases (by metric, then insertion as add/append/prepend placed them).
 *
 * <p>Two indexes over the same leaves: a sorted map in the kernel's dump order (by network, then
 * longer prefixes first) for {@code ip route show}, and one hash map per prefix length for the
 * longest-prefix match, which probes only the lengths present, longest first: a handful of hash
 * probes per lookup whatever the number of routes.
 */
public final class FibTable {
  public final int id;
  private final TreeMap<Prefix, List<Route>> leaves = new TreeMap<>();
  @SuppressWarnings("unchecked")
  private final IntObjectMap<List<Route>>[] byLen = new IntObjectMap[33];
  /** Bit {@code n} is set when some leaf has prefix length {@code n}. */
  private long lengths;
  private int size;

  FibTable(int id) {
    this.id = id;
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** The routes for exactly this prefix, in alias order (empty when none). */
  public List<Route> leaf(Prefix dst) {
    List<Route> l = leaves.get(dst);
    return l == null ? List.of() : Collections.unmodifiableList(l);
  }

  /** Every route, in the kernel's dump order. */
  public List<Route> routes() {
    List<Route> out = new ArrayList<>(size);
    for (List<Route> l : leaves.values()) {
      out.addAll(l);
    }
    return out;
  }

  public Iterable<Map.Entry<Prefix, List<Route>>> leaves() {
    return Collections.unmodifiableMap(leaves).entrySet();
  }

  /** Inserts at a position of the prefix's alias list (the caller decided it). */
  void insert(Route r, int index) {
    List<Route> l = leaves.get(r.dst());
    if (l == null) {
      l = new ArrayList<>(1);
      leaves.put(r.dst(), l);
      int len = r.dst().len();
      if (byLen[len] == null) {
        byLen[len] = new IntObjectMap<>();
      }
      byLen[len].put(r.dst().network(), l);
      lengths |= 1L << len;
    }
    l.add(index, r);
    size++;
  }

  void replace(Route old, Route r) {
    List<Route> l = leaves.get(old.dst());
    int i = indexOfIdentity(l, old);
    l.set(i, r);
  }

  boolean remove(Route r) {
    List<Route> l = leaves.get(r.dst());
    if (l == null) {
      return false;
    }
    int i = indexOfIdentity(l, r);
    if (i < 0) {
      return false;
    }
    l.remove(i);
    size--;
    if (l.isEmpty()) {
      leaves.remove(r.dst());
      int len = r.dst().len();
      byLen[len].remove(r.dst().network());
      if (byLen[len].size() == 0) {
        lengths &= ~(1L << len);
      }
    }
    return true;
  }

  /** Removes every route the predicate selects; returns how many. */
  int removeIf(Predicate<Route> p) {
    int n = 0;
    Iterator<Map.Entry<Prefix, List<Route>>> it = leaves.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Prefix, List<Route>> e = it.next();
      List<Route> l = e.getValue();
      int before = l.size();
      l.removeIf(p);
      n += before - l.size();
      if (l.isEmpty()) {
        // the key first: after it.remove(), a TreeMap entry with two children holds its
        // successor's key (deleteEntry copies the successor into it)
        Prefix key = e.getKey();
        it.remove();
        int len = key.len();
        byLen[len].remove(key.network());
        if (byLen[len].size() == 0) {
          lengths &= ~(1L << len);
        }
      }
    }
    size -= n;
    return n;
  }

  private static int indexOfIdentity(List<Route> l, Route r) {
    for (int i = 0; i < l.size(); i++) {
      if (l.get(i) == r) {
        return i;
      }
    }
    for (int i = 0; i < l.size(); i++) {
      if (l.get(i).equals(r)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * {@code fib_table_lookup}: the longest prefix holding a usable route for {@code dst}. A route
   * is passed over when its scope is narrower than asked, when it is dead (linkdown with
   * ignore_routes_with_linkdown, unless {@code ignoreLinkState}), or when an output interface is
   * asked and it uses another. A reject type (unreachable, prohibit, blackhole, throw) ends the
   * lookup with that route, whatever the interface. Null when nothing matches.
   */
  public Route lookup(int dst, Device oif, int minScope, boolean ignoreLinkState) {
    long ls = lengths;
    while (ls != 0) {
      int len = 63 - Long.numberOfLeadingZeros(ls);
      ls &= ~(1L << len);
      List<Route> l = byLen[len].get(dst & Ip4.mask(len));
      if (l == null) {
        continue;
      }
      for (Route r : l) {
        if (r.scope().value < minScope) {
          continue;
        }
        if (r.type().error != null) {
          return r;
        }
        if (!ignoreLinkState && r.dead()) {
          continue;
        }
        if (oif != null && r.dev() != oif) {
          continue;
        }
        return r;
      }
    }
    return null;
  }
}
