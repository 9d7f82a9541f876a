package netsim.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import netsim.script.Script;
import netsim.script.ScriptParser;
import netsim.sim.Simulator;

/**
 * The simulator's own invariants on random networks ({@link NetArbitraries}), no kernel needed:
 * see {@link Oracles}. A failure shrinks, as jqwik does, to a small network, shown as its script.
 */
class SimulatorPropertiesTest {

  @Provide
  Arbitrary<NetSpec> scenarios() {
    return NetArbitraries.scenarios();
  }

  private static Script script(NetSpec spec) {
    return ScriptParser.parse("generated.sh", ScriptWriter.write(spec, ""));
  }

  @Property(tries = 150)
  void theSameScriptPrintsTheSameBytesTwice(@ForAll("scenarios") NetSpec spec) {
    Script s = script(spec);
    assertEquals(List.of(), Oracles.deterministic(new Simulator(), s), () -> s.toString());
  }

  @Property(tries = 150)
  void routeLookupEqualsABruteForceLongestPrefixMatch(@ForAll("scenarios") NetSpec spec) {
    Script s = script(spec);
    Simulator.Session session = new Simulator().newSession();
    session.runAll(s);
    assertEquals(List.of(), Oracles.lookupMatchesBruteForce(session),
        () -> ScriptWriter.write(spec, ""));
  }

  @Property(tries = 100)
  void aProbesStepsAgreeWithItsVerdict(@ForAll("scenarios") NetSpec spec) {
    Script s = script(spec);
    Simulator.Session session = new Simulator().newSession();
    session.runAll(s);
    assertEquals(List.of(), Oracles.probesConsistent(session, 60),
        () -> ScriptWriter.write(spec, ""));
  }
}
