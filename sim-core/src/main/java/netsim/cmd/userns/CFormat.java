package netsim.cmd.userns;

/**
 * The part of C's {@code printf} that {@code stat} hands its directives to ({@code make_format}
 * in stat.c): strings take only the {@code -} flag, a width and a precision (which cuts);
 * unsigned numbers take {@code -} and {@code 0} (and {@code #} in octal and hex), a width and a
 * precision (the least number of digits). Flags a conversion does not take are dropped, as stat
 * drops them.
 */
final class CFormat {
  private CFormat() {}

  /** {@code %[-][width][.prec]s}. */
  static String string(String flags, String width, String precision, String s) {
    if (precision != null) {
      s = s.substring(0, Math.min(number(precision), s.length()));
    }
    return pad(s, width(width), flags.contains("-"), ' ');
  }

  /** {@code %[-0#][width][.prec]u}, {@code o} or {@code x}, of an unsigned value. */
  static String unsigned(String flags, String width, String precision, long v, int radix) {
    String digits = Long.toUnsignedString(v, radix);
    if (precision != null) {
      int p = number(precision);
      if (p == 0 && v == 0) {
        digits = "";
      }
      if (digits.length() < p) {
        digits = "0".repeat(p - digits.length()) + digits;
      }
    }
    if (flags.contains("#") && radix == 8 && !digits.startsWith("0")) {
      digits = "0" + digits;
    } else if (flags.contains("#") && radix == 16 && v != 0) {
      digits = "0x" + digits;
    }
    boolean left = flags.contains("-");
    boolean zero = flags.contains("0") && !left && precision == null;
    return pad(digits, width(width), left, zero ? '0' : ' ');
  }

  private static int width(String w) {
    return number(w);
  }

  /**
   * A width or precision; the real printf would pad to any size, which no scenario can want, so
   * beyond a million it stops.
   */
  private static int number(String digits) {
    if (digits.isEmpty()) {
      return 0;
    }
    return digits.length() > 6 ? 1_000_000 : Integer.parseInt(digits);
  }

  private static String pad(String s, int width, boolean left, char fill) {
    if (s.length() >= width) {
      return s;
    }
    String padding = String.valueOf(fill).repeat(width - s.length());
    if (left) {
      return s + padding;
    }
    if (fill == '0' && s.startsWith("0x")) {
      return "0x" + padding + s.substring(2);
    }
    return padding + s;
  }
}
