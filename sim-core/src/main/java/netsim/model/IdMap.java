package netsim.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One id map of a user namespace ({@code struct uid_gid_map}): up to 340 extents, each mapping
 * {@code count} ids from {@code first} inside the namespace to the kernel ids from {@code
 * lowerFirst}. Ids are unsigned 32-bit numbers held in a {@code long}; {@link #INVALID} ({@code
 * (u32) -1}) is never a valid id.
 *
 * <p>An extent's lower ids are stored as kernel ids (as the initial namespace sees them), the way
 * {@code map_write} stores them after translating them through the parent's map; {@link
 * UserNs#showUidMap} translates them back for a reader.
 */
public final class IdMap {
  /** {@code UID_GID_MAP_MAX_EXTENTS}. */
  public static final int MAX_EXTENTS = 340;

  /** {@code UID_GID_MAP_MAX_BASE_EXTENTS}: larger maps are kept (and shown) sorted. */
  static final int MAX_BASE_EXTENTS = 5;

  /** {@code (u32) -1}: the invalid id, what {@code from_kuid} gives for an unmapped one. */
  public static final long INVALID = 0xFFFF_FFFFL;

  /** One line of a map: {@code count} ids from {@code first}, to kernel ids from {@code lowerFirst}. */
  public record Extent(long first, long lowerFirst, long count) {
    long last() {
      return first + count - 1;
    }

    long lowerLast() {
      return lowerFirst + count - 1;
    }
  }

  public static final IdMap EMPTY = new IdMap(List.of());

  /** The initial namespace's map: {@code 0 0 4294967295}, every valid id to itself. */
  public static final IdMap IDENTITY = new IdMap(List.of(new Extent(0, 0, INVALID)));

  private final List<Extent> extents;

  IdMap(List<Extent> extents) {
    this.extents = List.copyOf(extents);
  }

  public boolean isEmpty() {
    return extents.isEmpty();
  }

  /** The extents as written. */
  public List<Extent> extents() {
    return extents;
  }

  /**
   * The extents in the order the file shows them: as written, or sorted by {@code first} when
   * there are more than five ({@code sort_idmaps} keeps only the sorted copy then).
   */
  public List<Extent> shown() {
    if (extents.size() <= MAX_BASE_EXTENTS) {
      return extents;
    }
    List<Extent> sorted = new ArrayList<>(extents);
    sorted.sort(Comparator.comparingLong(Extent::first));
    return sorted;
  }

  /** {@code map_id_down}: the kernel id of {@code id}, or {@link #INVALID}. */
  public long down(long id) {
    return rangeDown(id, 1);
  }

  /**
   * {@code map_id_range_down}: the kernel id of {@code id} when the whole range {@code [id, id +
   * count)} lies in one extent, else {@link #INVALID}.
   */
  public long rangeDown(long id, long count) {
    long last = id + count - 1;
    for (Extent e : extents) {
      if (id >= e.first() && id <= e.last() && last >= e.first() && last <= e.last()) {
        return (id - e.first() + e.lowerFirst()) & INVALID;
      }
    }
    return INVALID;
  }

  /** {@code map_id_up}: the id inside for kernel id {@code kernelId}, or {@link #INVALID}. */
  public long up(long kernelId) {
    for (Extent e : extents) {
      if (kernelId >= e.lowerFirst() && kernelId <= e.lowerLast()) {
        return kernelId - e.lowerFirst() + e.first();
      }
    }
    return INVALID;
  }

  /** The outcome of parsing what was written to a map file: extents, or {@code EINVAL}. */
  public record Parsed(List<Extent> extents, Errno error) {
    static Parsed fail() {
      return new Parsed(List.of(), Errno.EINVAL);
    }
  }

  /**
   * Parses the text of one write to {@code uid_map} or {@code gid_map} exactly as the parsing loop
   * of {@code map_write} (kernel/user_namespace.c) does: lines split at {@code \n} (a final
   * newline ends the text, an empty line anywhere else is an error); on each line three numbers
   * read by {@code simple_strtoul} (digits only, no sign, wrapping modulo 2^64 and then cut to 32
   * bits), each followed by white space or, for the last, the end of the line; the ids must not
   * be {@code (u32) -1}; the count must not be 0 nor make either range wrap; no range may overlap
   * an earlier line's on either side; at most 340 lines. The lower ids are returned as written
   * (in the parent's terms).
   */
  public static Parsed parse(String text) {
    List<Extent> out = new ArrayList<>();
    int pos = 0;
    while (true) {
      int nl = text.indexOf('\n', pos);
      String line = nl < 0 ? text.substring(pos) : text.substring(pos, nl);
      boolean more = nl >= 0 && nl + 1 < text.length();
      Extent e = parseLine(line);
      if (e == null || overlaps(out, e) || (out.size() + 1 == MAX_EXTENTS && more)) {
        return Parsed.fail();
      }
      out.add(e);
      if (!more) {
        return new Parsed(out, null);
      }
      pos = nl + 1;
    }
  }

  private static Extent parseLine(String line) {
    Cursor c = new Cursor(line);
    c.skipSpaces();
    long first = c.strtoul();
    if (!c.atSpace()) {
      return null;
    }
    c.skipSpaces();
    long lower = c.strtoul();
    if (!c.atSpace()) {
      return null;
    }
    c.skipSpaces();
    long count = c.strtoul();
    if (!c.atEnd() && !c.atSpace()) {
      return null;
    }
    c.skipSpaces();
    if (!c.atEnd()) {
      return null;
    }
    if (first == INVALID || lower == INVALID) {
      return null;
    }
    if (((first + count) & INVALID) <= first || ((lower + count) & INVALID) <= lower) {
      return null;
    }
    return new Extent(first, lower, count);
  }

  /** {@code mappings_overlap}: the new extent meets an earlier one inside, or outside. */
  static boolean overlaps(List<Extent> earlier, Extent e) {
    for (Extent p : earlier) {
      if (p.first() <= e.last() && p.last() >= e.first()) {
        return true;
      }
      if (p.lowerFirst() <= e.lowerLast() && p.lowerLast() >= e.lowerFirst()) {
        return true;
      }
    }
    return false;
  }

  /** A position in a line, with the kernel's {@code isspace} and {@code simple_strtoul}. */
  private static final class Cursor {
    private final String s;
    private int i;

    Cursor(String s) {
      this.s = s;
    }

    boolean atEnd() {
      return i >= s.length();
    }

    /** The kernel's {@code isspace}: space, \t, \n, \v, \f, \r (the end of text is not). */
    boolean atSpace() {
      return !atEnd() && isSpace(s.charAt(i));
    }

    void skipSpaces() {
      while (atSpace()) {
        i++;
      }
    }

    /** Base-10 digits, wrapping modulo 2^64, cut to 32 bits by the assignment to a u32. */
    long strtoul() {
      long v = 0;
      while (!atEnd() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        v = v * 10 + (s.charAt(i) - '0');
        i++;
      }
      return v & INVALID;
    }
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
  }
}
