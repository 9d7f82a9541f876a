package netsim.model;

/**
 * An IPv4 prefix: an address and a length. The address may have host bits set (as typed by a
 * user); {@link #network()} clears them.
 */
public record Prefix(int addr, int len) implements Comparable<Prefix> {

  public static final Prefix DEFAULT = new Prefix(0, 0);

  public Prefix {
    if (len < 0 || len > 32) {
      throw new IllegalArgumentException("prefix length " + len);
    }
  }

  public static Prefix host(int addr) {
    return new Prefix(addr, 32);
  }

  public int mask() {
    return Ip4.mask(len);
  }

  public int network() {
    return addr & mask();
  }

  /** The last address of the prefix (its broadcast address for lengths under 31). */
  public int last() {
    return addr | ~mask();
  }

  public boolean hasHostBits() {
    return (addr & ~mask()) != 0;
  }

  public boolean contains(int a) {
    return ((a ^ addr) & mask()) == 0;
  }

  public Prefix normalized() {
    return hasHostBits() ? new Prefix(network(), len) : this;
  }

  /** {@code 10.0.0.0/8}; a /32 as the bare address when {@code bareHost} is set. */
  public String format(boolean bareHost) {
    return bareHost && len == 32 ? Ip4.format(addr) : Ip4.format(addr) + "/" + len;
  }

  @Override
  public String toString() {
    return format(false);
  }

  /**
   * The kernel FIB's order: by network address (unsigned), then longer prefixes first (a leaf's
   * aliases are sorted by suffix length, ascending).
   */
  @Override
  public int compareTo(Prefix o) {
    int c = Integer.compareUnsigned(network(), o.network());
    return c != 0 ? c : Integer.compare(o.len, len);
  }

  /** Parses {@code A.B.C.D[/LEN]} (no {@code /LEN} is /32); null when it is not one. */
  public static Prefix parse(String s) {
    int slash = s.indexOf('/');
    long a = Ip4.parse(slash < 0 ? s : s.substring(0, slash));
    if (a < 0) {
      return null;
    }
    if (slash < 0) {
      return new Prefix((int) a, 32);
    }
    String l = s.substring(slash + 1);
    if (l.isEmpty() || l.length() > 3 || !l.chars().allMatch(Character::isDigit)) {
      long m = Ip4.parse(l);
      if (m < 0 || l.isEmpty()) {
        return null;
      }
      int mask = (int) m;
      int len = Integer.bitCount(mask);
      if (Ip4.mask(len) != mask) {
        return null;
      }
      return new Prefix((int) a, len);
    }
    int len = Integer.parseInt(l);
    return len > 32 ? null : new Prefix((int) a, len);
  }
}
