package netsim.model;

/**
 * What a route lookup is asked ({@code struct flowi4}): destination, source (0 when not chosen
 * yet), the input device (null for locally generated traffic, which the kernel looks up as
 * coming from lo), the output device the caller insists on (or null), the packet mark, TOS, and
 * the narrowest scope acceptable.
 */
public record Flow(int dst, int src, Device iif, Device oif, int mark, int tos, Scope scope) {

  public static Flow output(int dst, int src, Device oif, int mark) {
    return new Flow(dst, src, null, oif, mark, 0, Scope.UNIVERSE);
  }

  public static Flow input(int dst, int src, Device iif, int mark) {
    return new Flow(dst, src, iif, null, mark, 0, Scope.UNIVERSE);
  }

  public Flow withSrc(int s) {
    return new Flow(dst, s, iif, oif, mark, tos, scope);
  }

  public Flow withScope(Scope s) {
    return new Flow(dst, src, iif, oif, mark, tos, s);
  }
}
