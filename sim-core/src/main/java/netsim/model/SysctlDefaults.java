package netsim.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code net.*} sysctls of a fresh network namespace and of a new device, as read from the
 * real kernel (resources {@code sysctl-netns.txt} and {@code sysctl-device.txt}). Values are kept
 * as the text {@code sysctl} prints (several numbers are separated by a TAB).
 */
public final class SysctlDefaults {
  private SysctlDefaults() {}

  /** Every key of a fresh netns with only lo, in {@code sysctl -a} order. */
  public static final Map<String, String> NETNS = load("sysctl-netns.txt");

  /** The keys a new device adds, with {@code {dev}} for its name. */
  public static final Map<String, String> DEVICE = load("sysctl-device.txt");

  private static Map<String, String> load(String name) {
    Map<String, String> m = new LinkedHashMap<>();
    try (InputStream in = SysctlDefaults.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        int eq = line.indexOf(" = ");
        if (eq < 0) {
          // "key = " with an empty value loses its trailing blank in some editors
          int e2 = line.indexOf(" =");
          m.put(line.substring(0, e2), "");
          continue;
        }
        m.put(line.substring(0, eq), line.substring(eq + 3));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableMap(m);
  }
}
