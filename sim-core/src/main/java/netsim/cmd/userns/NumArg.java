package netsim.cmd.userns;

import java.math.BigInteger;

/**
 * util-linux's {@code strtoul_or_err} and {@code strtol_or_err}: glibc's {@code strtoul} or
 * {@code strtol} in base 10 on the whole text (leading white space, a sign, then digits and
 * nothing after), with the tool's message when it fails: {@code unshare: failed to parse uid:
 * 'x'}, and {@code : Numerical result out of range} added on overflow. Both exit 1.
 *
 * <p>As with the C functions, {@code strtoul} accepts a minus sign and wraps ({@code -1} is the
 * largest value), and the caller cuts the result to 32 bits for a {@code uid_t}.
 */
final class NumArg {
  private NumArg() {}

  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
  private static final BigInteger ULONG_MAX = TWO_64.subtract(BigInteger.ONE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

  /** A parsed value (64 bits, unsigned for strtoul), or the message to print (one line). */
  record Parsed(long value, String error) {}

  /** {@code strtoul_or_err(text, what)}; the error names {@code prog} and {@code what}. */
  static Parsed strtoul(String prog, String text, String what) {
    BigInteger v = parse(text);
    if (v == null) {
      return fail(prog, text, what, false);
    }
    boolean negative = v.signum() < 0;
    BigInteger mag = v.abs();
    if (mag.compareTo(ULONG_MAX) > 0) {
      return fail(prog, text, what, true);
    }
    BigInteger r = negative ? TWO_64.subtract(mag).mod(TWO_64) : mag;
    return new Parsed(r.longValue(), null);
  }

  /** {@code strtol_or_err(text, what)}. */
  static Parsed strtol(String prog, String text, String what) {
    BigInteger v = parse(text);
    if (v == null) {
      return fail(prog, text, what, false);
    }
    if (v.compareTo(LONG_MAX) > 0 || v.compareTo(LONG_MIN) < 0) {
      return fail(prog, text, what, true);
    }
    return new Parsed(v.longValue(), null);
  }

  private static Parsed fail(String prog, String text, String what, boolean range) {
    return new Parsed(0, prog + ": " + what + ": '" + text + "'"
        + (range ? ": Numerical result out of range" : ""));
  }

  /** The number the whole text spells in glibc's syntax, or null. */
  private static BigInteger parse(String text) {
    int k = 0;
    while (k < text.length() && isSpace(text.charAt(k))) {
      k++;
    }
    boolean negative = false;
    if (k < text.length() && (text.charAt(k) == '+' || text.charAt(k) == '-')) {
      negative = text.charAt(k) == '-';
      k++;
    }
    int digits = k;
    while (k < text.length() && text.charAt(k) >= '0' && text.charAt(k) <= '9') {
      k++;
    }
    if (k == digits || k != text.length()) {
      return null;
    }
    BigInteger v = new BigInteger(text.substring(digits, k));
    return negative ? v.negate() : v;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
  }

  /** The low 32 bits, as a {@code uid_t} or {@code gid_t} keeps them. */
  static long id32(long value) {
    return value & 0xFFFF_FFFFL;
  }
}
