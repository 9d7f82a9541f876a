package netsim.cmd;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The usage texts the real tools print, captured from them (resources under
 * {@code netsim/cmd/usage}: {@code ip help}, {@code ip link help}, {@code ping -h}, ...), so
 * that the simulator prints them byte for byte.
 */
public final class Usage {
  private Usage() {}

  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

  /** The text captured as {@code usage/NAME.txt}. */
  public static String of(String name) {
    return CACHE.computeIfAbsent(name, n -> {
      try (InputStream in = Usage.class.getResourceAsStream("usage/" + n + ".txt")) {
        if (in == null) {
          throw new IllegalStateException("missing usage text " + n);
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
