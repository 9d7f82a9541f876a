package netsim.cmd.userns;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The {@code --help} and {@code --version} texts of the coreutils 9.1 tools, as they print them
 * with {@code LANG=C}; kept as resources, copied from the tools themselves.
 */
final class Help {
  private Help() {}

  /** The resource {@code netsim/cmd/userns/NAME}, e.g. {@code id.help}. */
  static String text(String name) {
    try (InputStream in = Help.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource netsim/cmd/userns/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
