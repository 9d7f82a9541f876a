package netsim.sandbox;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The rule for tests that need the real kernel: they run when the kernel backend can; elsewhere
 * they are skipped with the reason shown, except under {@code CI=true}, where the kernel side is
 * mandatory and its absence is a failure, never a skip.
 */
public final class KernelTests {

  private KernelTests() {}

  public static void requireKernel() {
    Optional<String> why = SandboxBackend.unavailableReason();
    if (why.isEmpty()) {
      return;
    }
    if ("true".equals(System.getenv("CI"))) {
      fail("CI=true, so the kernel backend must run, but it cannot: " + why.get());
    }
    Assumptions.abort("the kernel backend cannot run here: " + why.get());
  }
}
