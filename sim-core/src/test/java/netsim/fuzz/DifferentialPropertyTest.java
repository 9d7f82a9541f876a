package netsim.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import net.jqwik.api.Example;
import net.jqwik.api.Tag;
import netsim.fuzz.Campaign.Failure;
import netsim.sandbox.KernelTests;
import netsim.sandbox.SandboxBackend;
import netsim.sandbox.SandboxPool;
import netsim.sim.Simulator;

/**
 * The differential property on random networks: for every generated scenario, every line agrees
 * between the kernel and the simulator (see {@link Campaign}).
 *
 * <p>In CI ({@code mvn verify}): seed 1, 200 tries, shrinking bounded. A campaign is {@code mvn
 * -Pfuzz verify -Dtries=5000 [-Dseed=N]}: it prints its seed first (a random one when none is
 * given) and its report last, also written to {@code sim-core/target/fuzz/report-SEED.txt}. One
 * try again: {@code -Dseed=N -Dtry=I}. Each disagreement is saved as a minimal script whose path
 * the failure message prints; {@code ./netsim diff PATH} reproduces it.
 *
 * <p>System properties: {@code seed}, {@code tries}, {@code try}, {@code fuzz.workers}
 * (sandboxes in parallel), {@code fuzz.out}, {@code fuzz.shrinkMinutes}, {@code fuzz.maxShrinks},
 * {@code fuzz.minutes} (stop starting tries after this long), {@code fuzz.invariants} (also check
 * the simulator's own invariants on each scenario), {@code fuzz.kernelTwice} (run each try on
 * the kernel twice, to find what the generator makes that the kernel does not repeat).
 */
@Tag("kernel")
class DifferentialPropertyTest {

  @Example
  void everyLineOfEveryGeneratedScenarioAgreesWithTheKernel() throws Exception {
    KernelTests.requireKernel();
    boolean campaign = Boolean.getBoolean("fuzz.campaign");
    String seedText = System.getProperty("seed", "");
    long seed = seedText.isBlank() ? (campaign ? new java.util.Random().nextLong() & 0xFFFFFFFFL
        : 1) : Long.parseLong(seedText.strip());
    String one = System.getProperty("try", "");
    int first = one.isBlank() ? 0 : Integer.parseInt(one.strip());
    int tries = one.isBlank() ? Integer.getInteger("tries", 200) : 1;
    // the kernel side mostly waits (a ping's seconds, a process starting): three sandboxes a core
    int workers = Integer.getInteger("fuzz.workers",
        Math.max(4, 3 * Runtime.getRuntime().availableProcessors()));
    Path out = Path.of(System.getProperty("fuzz.out", "target/fuzz")).toAbsolutePath();
    Duration shrink = Duration.ofMinutes(Integer.getInteger("fuzz.shrinkMinutes",
        campaign ? 20 : 3));
    int minutes = Integer.getInteger("fuzz.minutes", campaign ? 0 : 9);
    Campaign.Settings settings = new Campaign.Settings(seed, first, tries, workers, out, shrink,
        Integer.getInteger("fuzz.maxShrinks", campaign ? 10 : 1),
        minutes > 0 ? Duration.ofMinutes(minutes) : null,
        Boolean.parseBoolean(System.getProperty("fuzz.invariants", "true")),
        Boolean.getBoolean("fuzz.kernelTwice"),
        new PrintStream(System.out, true, StandardCharsets.UTF_8));
    Campaign.Outcome o;
    try (SandboxPool pool = new SandboxPool(workers)) {
      Simulator sim = new Simulator(new SandboxBackend().profile());
      o = new Campaign(settings, pool, sim).run();
    }
    String report = o.text();
    System.out.println(report);
    Files.writeString(out.resolve("report-" + seed + ".txt"), report, StandardCharsets.UTF_8);
    StringBuilder why = new StringBuilder();
    for (Failure f : o.failures()) {
      why.append("\n").append(f.file()).append(" (try ").append(f.tryIndex())
          .append("; reproduce: ./netsim diff ").append(f.file()).append(")\n")
          .append(f.report());
    }
    assertTrue(o.failures().isEmpty(), o.failures().size() + " generated scenarios disagree"
        + " with the kernel (seed " + seed + "); minimal scripts:" + why);
    assertTrue(o.invariantViolations().isEmpty(), "simulator invariants broken:\n"
        + String.join("\n", o.invariantViolations().subList(0,
            Math.min(10, o.invariantViolations().size()))));
  }
}
