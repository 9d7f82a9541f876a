package netsim.model;

import java.util.Arrays;

/**
 * An open-addressing hash map from {@code int} to objects, for the route lookup's hot path (no
 * boxing, one probe sequence in one array).
 */
final class IntObjectMap<V> {
  private int[] keys;
  private Object[] vals;
  private boolean[] used;
  private int size;

  IntObjectMap() {
    keys = new int[16];
    vals = new Object[16];
    used = new boolean[16];
  }

  int size() {
    return size;
  }

  /** MurmurHash3's finaliser: every input bit reaches the low bits used as the index. */
  private static int mix(int k) {
    int h = k;
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    h ^= h >>> 16;
    return h;
  }

  @SuppressWarnings("unchecked")
  V get(int key) {
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (used[i]) {
      if (keys[i] == key) {
        return (V) vals[i];
      }
      i = (i + 1) & mask;
    }
    return null;
  }

  void put(int key, V value) {
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (used[i]) {
      if (keys[i] == key) {
        vals[i] = value;
        return;
      }
      i = (i + 1) & mask;
    }
    used[i] = true;
    keys[i] = key;
    vals[i] = value;
    size++;
  }

  void remove(int key) {
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (used[i]) {
      if (keys[i] == key) {
        used[i] = false;
        vals[i] = null;
        size--;
        // re-insert the rest of the cluster (linear probing deletion)
        int j = (i + 1) & mask;
        while (used[j]) {
          int k = keys[j];
          Object v = vals[j];
          used[j] = false;
          vals[j] = null;
          size--;
          putRaw(k, v);
          j = (j + 1) & mask;
        }
        return;
      }
      i = (i + 1) & mask;
    }
  }

  private void putRaw(int key, Object value) {
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (used[i]) {
      i = (i + 1) & mask;
    }
    used[i] = true;
    keys[i] = key;
    vals[i] = value;
    size++;
  }

  private void grow() {
    int[] ok = keys;
    Object[] ov = vals;
    boolean[] ou = used;
    keys = new int[ok.length * 2];
    vals = new Object[ok.length * 2];
    used = new boolean[ok.length * 2];
    size = 0;
    for (int i = 0; i < ok.length; i++) {
      if (ou[i]) {
        putRaw(ok[i], ov[i]);
      }
    }
  }

  void clear() {
    Arrays.fill(used, false);
    Arrays.fill(vals, null);
    size = 0;
  }
}
