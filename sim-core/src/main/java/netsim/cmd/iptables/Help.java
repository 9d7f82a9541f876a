package netsim.cmd.iptables;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** {@code iptables -h}: iptables 1.8.9's usage text, as it prints it (a resource). */
final class Help {
  private Help() {}

  static final String TEXT = load();

  private static String load() {
    try (InputStream in = Help.class.getResourceAsStream("help.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
