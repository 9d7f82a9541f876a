package netsim.model;

import java.util.ArrayList;
import java.util.List;

/**
 * How the kernel's {@code proc_dointvec} family reads a write to an integer sysctl: blanks
 * between values; each value an optional {@code -} then digits in C's base 0 (0x hex, leading 0
 * octal), ended by a blank or the end; no {@code +}; at most 20 characters; each value must fit
 * an int (or, for the unsigned handlers, be non-negative and fit 32 bits). Values beyond the
 * vector's length are ignored. The first bad value stops the reading: if it is the first value
 * the write fails and changes nothing, otherwise the values before it have been taken and the
 * write still fails (EINVAL).
 */
public final class ProcInts {

  /** What a write yields: the values read, in order, and whether it fails. */
  public record Parsed(List<Long> values, boolean failed) {
    /** Whether nothing may be stored at all. */
    public boolean nothing() {
      return values.isEmpty();
    }
  }

  private static final int TMPBUFLEN = 22;

  private ProcInts() {}

  /**
   * Reads up to {@code n} values.
   *
   * @param unsigned whether the handler is an unsigned one ({@code proc_douintvec}: no sign)
   * @param min the smallest allowed value (checked like {@code _minmax} handlers do)
   * @param max the largest allowed value
   */
  public static Parsed parse(String text, int n, boolean unsigned, long min, long max) {
    List<Long> out = new ArrayList<>();
    int p = 0;
    int len = text.length();
    boolean failed = false;
    for (int i = 0; i < n; i++) {
      while (p < len && isSpace(text.charAt(p))) {
        p++;
      }
      if (p >= len) {
        break;
      }
      // proc_get_long works on a copy of at most TMPBUFLEN - 1 characters
      int end = Math.min(len, p + TMPBUFLEN - 1);
      int q = p;
      boolean neg = false;
      if (text.charAt(q) == '-' && end - q > 1) {
        neg = true;
        q++;
      }
      if (q >= end || !isDigit(text.charAt(q))) {
        failed = true;
        break;
      }
      int base = 10;
      if (text.charAt(q) == '0') {
        if (q + 2 < end && (text.charAt(q + 1) == 'x' || text.charAt(q + 1) == 'X')
            && Character.digit(text.charAt(q + 2), 16) >= 0) {
          base = 16;
          q += 2;
        } else {
          base = 8;
        }
      }
      long v = 0;
      boolean overflow = false;
      while (q < end && Character.digit(text.charAt(q), base) >= 0) {
        int d = Character.digit(text.charAt(q), base);
        if (Long.compareUnsigned(v, Long.divideUnsigned(-1L - d, base)) > 0) {
          overflow = true;
        }
        v = v * base + d;
        q++;
      }
      if (overflow || q - p == TMPBUFLEN - 1 || (q < len && !isSep(text.charAt(q)))) {
        failed = true;
        break;
      }
      long value;
      if (unsigned) {
        if (neg || Long.compareUnsigned(v, 0xFFFFFFFFL) > 0) {
          failed = true;
          break;
        }
        value = v;
      } else if (neg) {
        if (Long.compareUnsigned(v, (long) Integer.MAX_VALUE + 1) > 0) {
          failed = true;
          break;
        }
        value = -v;
      } else {
        if (Long.compareUnsigned(v, Integer.MAX_VALUE) > 0) {
          failed = true;
          break;
        }
        value = v;
      }
      if (value < min || value > max) {
        failed = true;
        break;
      }
      out.add(value);
      p = q;
    }
    if (out.isEmpty()) {
      failed = true;
    }
    return new Parsed(List.copyOf(out), failed);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** {@code proc_wspace_sep}: what may end a value. */
  private static boolean isSep(char c) {
    return c == ' ' || c == '\t' || c == '\n';
  }

  /** {@code isspace} as {@code proc_skip_spaces} uses it. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
  }
}
