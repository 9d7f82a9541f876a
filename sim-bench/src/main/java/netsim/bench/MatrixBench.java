package netsim.bench;

import java.util.concurrent.TimeUnit;
import netsim.sim.Prober;
import netsim.sim.Simulator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One matrix probe ({@code ping -c1 -W1} between two namespaces of a star through a router),
 * as {@code netsim matrix} makes them: multiply by n² for an all-pairs matrix. Neighbours are
 * resolved by the warm-up, as they are after the first row of a matrix.
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class MatrixBench {

  @Param({"100", "1000"})
  int namespaces;

  Prober prober;
  int i;

  @Setup
  public void setup() {
    Simulator.Session s = Networks.build(Networks.star(namespaces));
    prober = new Prober(s);
  }

  @Benchmark
  public boolean probe() {
    int a = Math.floorMod(i * 7919, namespaces);
    int b = Math.floorMod(i++ * 104729 + 13, namespaces);
    return prober.probe("n" + a, Networks.hostAddr(b), false).ok();
  }
}
