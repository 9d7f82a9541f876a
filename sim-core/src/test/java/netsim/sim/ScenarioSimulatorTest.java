package netsim.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import netsim.run.LineResult;
import netsim.script.Script;
import netsim.script.ScriptParser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every scenario under {@code scenarios/} passes in the simulator: each line meets its
 * expectation (succeeds, or fails where it starts with {@code !}). Needs no kernel, so it runs
 * everywhere; ScenarioDifferentialTest checks the same files against the kernel.
 */
class ScenarioSimulatorTest {

  static Path scenarios() {
    String env = System.getenv("NETSIM_SCENARIOS");
    return env != null ? Path.of(env) : Path.of("..", "scenarios");
  }

  @TestFactory
  Stream<DynamicTest> everyScenarioMeetsItsExpectations() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(scenarios())) {
      files = s.filter(p -> p.toString().endsWith(".sh")).sorted().toList();
    }
    assertTrue(files.size() >= 20, "the scenarios were found: " + files.size());
    return files.stream().map(f -> DynamicTest.dynamicTest(scenarios().relativize(f).toString(),
        () -> {
          Script script = ScriptParser.parse(f.toString(),
              Files.readString(f, StandardCharsets.UTF_8));
          StringBuilder failed = new StringBuilder();
          for (LineResult r : new Simulator().run(script)) {
            if (!r.ok()) {
              failed.append("  line ").append(r.line()).append(": ").append(r.command())
                  .append(" -> status ").append(r.status()).append('\n')
                  .append(r.stderr().indent(6));
            }
          }
          assertTrue(failed.length() == 0, f + ":\n" + failed);
        }));
  }
}
