package netsim.diff;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import netsim.run.Backend;
import netsim.sandbox.KernelTests;
import netsim.sandbox.SandboxBackend;
import netsim.script.ScriptParser;
import netsim.sim.Simulator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Every scenario in {@code scenarios/} (found through the environment variable {@code
 * NETSIM_SCENARIOS}, which the build sets) must agree line by line between the real kernel and
 * the simulator; a file that does not fails with the rendered disagreements. The seed scenarios
 * must also diff in under 15 s each.
 */
@Tag("kernel")
class ScenarioDifferentialTest {

  private static final Duration SEED_LIMIT = Duration.ofSeconds(15);

  @TestFactory
  Stream<DynamicTest> everyScenarioAgreesWithTheKernel() throws IOException {
    KernelTests.requireKernel();
    Path dir = scenariosDir();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(f -> f.toString().endsWith(".sh") && Files.isRegularFile(f))
          .sorted().toList();
    }
    assertFalse(files.isEmpty(), "no scenarios (*.sh) under " + dir);
    SandboxBackend kernel = new SandboxBackend();
    Path root = dir.toAbsolutePath().getParent();
    return files.stream().map(f -> {
      String name = root.relativize(f.toAbsolutePath()).toString();
      return dynamicTest(name, () -> {
        Backend sim = new Simulator(kernel.profile());
        long start = System.nanoTime();
        DiffReport report = Comparison.run(ScriptParser.parse(name, Files.readString(f)),
            kernel, sim);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (!report.allAgree()) {
          fail("\n" + ReportText.render(report));
        }
        if (name.startsWith("scenarios/seed/")) {
          assertTrue(took.compareTo(SEED_LIMIT) < 0, name + " took " + took.toMillis() + " ms");
        }
      });
    });
  }

  private static Path scenariosDir() {
    String env = System.getenv("NETSIM_SCENARIOS");
    if (env == null || !Files.isDirectory(Path.of(env))) {
      fail("NETSIM_SCENARIOS must name the scenarios folder (the build sets it); it is " + env);
    }
    return Path.of(env);
  }
}
