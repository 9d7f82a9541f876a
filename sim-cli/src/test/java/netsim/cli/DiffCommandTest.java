package netsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netsim.run.Backend;
import netsim.run.BackendUnavailableException;
import netsim.run.LineResult;
import netsim.script.Script;
import netsim.script.ScriptLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code netsim diff} in-process, with stand-in backends: exit codes and exact output. */
class DiffCommandTest {

  @TempDir Path dir;

  /** Echoes each command; the "sim" one gets {@code ip route} wrong. */
  private static Backend echo(String name, boolean wrongRoute) {
    return new Backend() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<LineResult> run(Script script) {
        List<LineResult> out = new ArrayList<>();
        for (ScriptLine l : script.lines()) {
          String stdout = wrongRoute && l.text().equals("ip route") ? "default dev x\n" : "";
          out.add(l.isRefused() ? LineResult.refused(l)
              : new LineResult(l.line(), l.text(), 0, stdout, ""));
        }
        return out;
      }
    };
  }

  private record Run(int status, String out, String err) {}

  private Run diff(DiffCommand.Backends backends, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new DiffCommand(backends))
        .setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
    int status = cl.execute(args);
    return new Run(status, out.toString(), err.toString());
  }

  private static DiffCommand.Backends backends(boolean simWrong) {
    return new DiffCommand.Backends() {
      @Override
      public Backend kernel() {
        return echo("kernel", false);
      }

      @Override
      public Backend simulator() {
        return echo("sim", simWrong);
      }
    };
  }

  private Path write(String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.createDirectories(f.getParent());
    return Files.writeString(f, text);
  }

  @Test
  void agreementExitsZero() throws Exception {
    Path f = write("a.sh", "ip link\nip route\n");
    Run r = diff(backends(false), f.toString());
    assertEquals(0, r.status(), r.err());
    assertEquals(f + ": 2/2 lines agree\n", r.out());
  }

  @Test
  void disagreementExitsOneAndShowsTheLine() throws Exception {
    Path f = write("a.sh", "ip link\n\nip route\n");
    Run r = diff(backends(true), f.toString());
    assertEquals(1, r.status(), r.err());
    assertEquals(f + ": 1/2 lines agree\n\n"
        + "  line 3: ip route\n"
        + "    status: kernel 0, sim 0 (same)\n"
        + "    stdout: (-kernel +sim)\n"
        + "      +default dev x\n", r.out());
  }

  @Test
  void foldersMeanTheirScenariosSortedAndRecursive() throws Exception {
    write("b/z.sh", "ip link\n");
    write("b/a/y.sh", "ip route\n");
    write("b/notes.txt", "not a scenario\n");
    write("a.sh", "true\n");
    Run r = diff(backends(true), dir.resolve("b").toString(), dir.resolve("a.sh").toString());
    assertEquals(1, r.status());
    String b = dir.resolve("b").toString();
    assertTrue(r.out().startsWith(b + "/a/y.sh: 0/1 lines agree\n"), r.out());
    assertTrue(r.out().contains("\n" + b + "/z.sh: 1/1 lines agree\n" + dir.resolve("a.sh")
        + ": 1/1 lines agree\ntotal: 2/3 lines agree in 3 files\n"), r.out());
  }

  @Test
  void jsonForMachines() throws Exception {
    Path f = write("a.sh", "ip link\nip route\n");
    Run r = diff(backends(true), "--json", f.toString());
    assertEquals(1, r.status());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertFalse(json.get("agree").asBoolean());
    JsonNode file = json.get("files").get(0);
    assertEquals(1, file.get("agreeing").asInt());
    assertEquals(2, file.get("disagreements").get(0).get("line").asInt());
    assertEquals("default dev x\n",
        file.get("disagreements").get(0).get("candidate").get("stdout").asText());
  }

  @Test
  void anUnavailableKernelExitsTwoSayingWhatIsMissing() throws Exception {
    Path f = write("a.sh", "ip link\n");
    DiffCommand.Backends none = new DiffCommand.Backends() {
      @Override
      public Backend kernel() throws BackendUnavailableException {
        throw new BackendUnavailableException("the kernel backend needs root");
      }

      @Override
      public Backend simulator() {
        return echo("sim", false);
      }
    };
    Run r = diff(none, f.toString());
    assertEquals(2, r.status());
    assertEquals("", r.out());
    assertEquals("netsim diff: the kernel backend cannot run here: the kernel backend needs root\n",
        r.err());
  }

  @Test
  void aMissingFileIsAMessageNotAStackTrace() {
    Run r = diff(backends(false), dir.resolve("nope.sh").toString());
    assertEquals(2, r.status());
    assertEquals("netsim diff: no such file or folder: " + dir.resolve("nope.sh") + "\n", r.err());
  }

  @Test
  void aBackendBugIsReportedPerFile() throws Exception {
    Path f = write("a.sh", "ip link\n");
    DiffCommand.Backends buggy = new DiffCommand.Backends() {
      @Override
      public Backend kernel() {
        return echo("kernel", false);
      }

      @Override
      public Backend simulator() {
        return new Backend() {
          @Override
          public String name() {
            return "sim";
          }

          @Override
          public List<LineResult> run(Script script) {
            throw new IllegalStateException("model bug");
          }
        };
      }
    };
    Run r = diff(buggy, f.toString());
    assertEquals(1, r.status());
    assertTrue(r.err().contains(f + ": a backend failed: java.lang.IllegalStateException: model bug"),
        r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
  }
}
