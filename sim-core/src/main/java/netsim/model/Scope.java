package netsim.model;

/** Route and address scopes (rtnetlink's {@code rt_scope_t}), with iproute2's names. */
public enum Scope {
  UNIVERSE(0, "global"),
  SITE(200, "site"),
  LINK(253, "link"),
  HOST(254, "host"),
  NOWHERE(255, "nowhere");

  public final int value;
  /** The name iproute2 prints ({@code rtnl_rtscope_n2a}); for routes, universe is "global". */
  public final String text;

  Scope(int value, String text) {
    this.value = value;
    this.text = text;
  }

  public static Scope byValue(int v) {
    for (Scope s : values()) {
      if (s.value == v) {
        return s;
      }
    }
    return null;
  }

  /** Parses iproute2's scope words ({@code global}, {@code universe}, {@code link}, ...). */
  public static Scope parse(String s) {
    return switch (s) {
      case "global", "universe" -> UNIVERSE;
      case "site" -> SITE;
      case "link" -> LINK;
      case "host" -> HOST;
      case "nowhere" -> NOWHERE;
      default -> {
        try {
          int v = Integer.parseInt(s);
          yield byValue(v);
        } catch (NumberFormatException e) {
          yield null;
        }
      }
    };
  }
}
