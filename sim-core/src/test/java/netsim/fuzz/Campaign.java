package netsim.fuzz;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Shrinkable;
import netsim.diff.Comparison;
import netsim.diff.DiffReport;
import netsim.diff.ReportText;
import netsim.run.Backend;
import netsim.run.BackendUnavailableException;
import netsim.run.LineResult;
import netsim.script.Script;
import netsim.script.ScriptLine;
import netsim.script.ScriptParser;
import netsim.sim.Simulator;

/**
 * The differential property, run as a campaign: generate scenarios ({@link NetArbitraries}), run
 * each on the kernel and on the simulator, and require every line to agree. Tries run in parallel
 * (the kernel side mostly waits: for a ping's second, for a process to start), each in a fresh
 * world of a pooled sandbox.
 *
 * <p>Why not a plain jqwik {@code @Property}: jqwik runs tries one after the other, and a kernel
 * try is latency-bound; here jqwik's generators and shrinkables are driven directly (on the
 * jqwik thread that runs the test, as jqwik requires), while the runs go to worker threads.
 *
 * <p>Try {@code i} of seed {@code S} is generated from {@code new Random(mix(S, i))} alone, so a
 * single try can be run again ({@code -Dseed=S -Dtry=i}). A try that disagrees is first run again
 * on the kernel: if the kernel disagrees with itself, the script is kept as <em>flaky</em> (it
 * used something the kernel makes time-dependent, a generator bug to fix) and not counted as a
 * disagreement. A confirmed disagreement is shrunk, first with jqwik's shrinking of the network
 * (fewer namespaces, links, steps, simpler values), then line by line, keeping every step that
 * still disagrees the same way; the minimal script is checked once more in a sandbox of its own,
 * exactly as {@code netsim diff} runs it, and saved with {@code !} on the lines the kernel fails.
 */
public final class Campaign {

  /** The generation size given to jqwik's generators. */
  static final int GEN_SIZE = 1000;

  /** What to run, and how hard to try. */
  public record Settings(long seed, int firstTry, int tries, int workers, Path outDir,
      Duration shrinkBudget, int maxShrinks, Duration timeLimit, boolean invariants,
      boolean kernelTwice, PrintStream log) {}

  /** A confirmed disagreement, shrunk and saved. */
  public record Failure(int tryIndex, String signature, Path file, Path original,
      int originalLines, int lines, String report) {}

  /** A try on which the kernel disagreed with itself. */
  public record Flake(int tryIndex, Path file, String report) {}

  /** What a campaign did. */
  public record Outcome(Settings settings, int tries, long scenariosRun, long linesCompared,
      Duration wall, Duration shrinking, List<Failure> failures, List<Flake> flakes,
      List<String> invariantViolations, Map<String, Integer> pings, long kernelMillis) {

    public String text() {
      StringBuilder sb = new StringBuilder();
      sb.append("netsim differential fuzzing: seed ").append(settings.seed());
      if (settings.firstTry() > 0 || tries == 1) {
        sb.append(", tries from ").append(settings.firstTry());
      }
      sb.append('\n');
      sb.append("  tries:            ").append(tries).append(" scenarios\n");
      sb.append("  lines compared:   ").append(linesCompared).append(" (kernel vs simulator, in"
          + " the tries)\n");
      sb.append("  scenarios run:    ").append(scenariosRun).append(" on the kernel (tries,"
          + " confirmations, shrinking)\n");
      sb.append("  wall time:        ").append(seconds(wall)).append(" (shrinking ")
          .append(seconds(shrinking)).append("), ").append(settings.workers())
          .append(" sandboxes in parallel\n");
      if (tries > 0) {
        sb.append("  kernel per try:   ").append(kernelMillis / tries).append(" ms on average\n");
      }
      sb.append("  pings:            ").append(pings).append('\n');
      sb.append("  disagreements:    ").append(failures.size()).append('\n');
      for (Failure f : failures) {
        sb.append("    try ").append(f.tryIndex()).append(" [").append(f.signature())
            .append("]: ").append(f.file()).append(" (").append(f.lines()).append(" lines, from ")
            .append(f.originalLines()).append("); ./netsim diff ").append(f.file()).append('\n');
      }
      sb.append("  flaky (kernel disagrees with itself): ").append(flakes.size()).append('\n');
      for (Flake f : flakes) {
        sb.append("    try ").append(f.tryIndex()).append(": ").append(f.file()).append('\n');
      }
      sb.append("  simulator invariants broken: ").append(invariantViolations.size()).append('\n');
      for (String v : invariantViolations.subList(0, Math.min(5, invariantViolations.size()))) {
        sb.append(v.indent(4));
      }
      return sb.toString();
    }

    private static String seconds(Duration d) {
      return String.format("%.1f s", d.toMillis() / 1000.0);
    }
  }

  /** One script's run on both backends. */
  record Eval(Script script, List<LineResult> kernel, List<LineResult> sim, DiffReport report,
      long kernelNanos, DiffReport kernelSelf) {
    boolean agrees() {
      return report.allAgree();
    }
  }

  private final Settings settings;
  private final Backend kernel;
  private final Simulator sim;
  private final ExecutorService workers;
  private final RandomGenerator<NetSpec> generator;
  private long scenariosRun;

  public Campaign(Settings settings, Backend kernel, Simulator sim) {
    this.settings = settings;
    this.kernel = kernel;
    this.sim = sim;
    this.workers = Executors.newFixedThreadPool(settings.workers(), r -> {
      Thread t = new Thread(r, "fuzz-worker");
      t.setDaemon(true);
      return t;
    });
    this.generator = NetArbitraries.scenarios().generator(GEN_SIZE);
  }

  /** The random source of try {@code i}: depends on the seed and {@code i} only. */
  static Random random(long seed, int i) {
    long z = seed * 0x9E3779B97F4A7C15L + i * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return new Random(z ^ (z >>> 31));
  }

  /** The network of try {@code i}; must run on the jqwik thread. */
  Shrinkable<NetSpec> generate(int i) {
    return generator.next(random(settings.seed(), i));
  }

  String header(int i) {
    return "netsim fuzz: seed " + settings.seed() + ", try " + i;
  }

  /** Runs the campaign; call it on the jqwik thread of a jqwik test. */
  public Outcome run() throws IOException, InterruptedException, BackendUnavailableException {
    long start = System.nanoTime();
    Files.createDirectories(settings.outDir());
    log("fuzz: seed " + settings.seed() + " (again: -Dseed=" + settings.seed() + "), "
        + settings.tries() + " tries from " + settings.firstTry() + ", " + settings.workers()
        + " sandboxes in parallel, output in " + settings.outDir());
    Map<Integer, Shrinkable<NetSpec>> failing = new TreeMap<>();
    Map<Integer, Eval> failingEval = new TreeMap<>();
    List<String> violations = new ArrayList<>();
    List<Flake> selfFlakes = new ArrayList<>();
    Map<String, Integer> pings = new LinkedHashMap<>();
    long lines = 0;
    long kernelNanos = 0;
    int done = 0;
    Map<Integer, Future<Eval>> running = new LinkedHashMap<>();
    Map<Integer, Shrinkable<NetSpec>> shrinkables = new LinkedHashMap<>();
    long deadline = settings.timeLimit() == null ? Long.MAX_VALUE
        : start + settings.timeLimit().toNanos();
    int next = settings.firstTry();
    int end = settings.firstTry() + settings.tries();
    long lastLog = System.nanoTime();
    while (next < end || !running.isEmpty()) {
      while (next < end && running.size() < 2 * settings.workers()
          && System.nanoTime() < deadline) {
        int i = next++;
        Shrinkable<NetSpec> sh = generate(i);
        String text = ScriptWriter.write(sh.value(), header(i));
        shrinkables.put(i, sh);
        running.put(i, workers.submit(() -> tryScript("try-" + i + ".sh", text)));
      }
      if (next < end && System.nanoTime() >= deadline) {
        log("fuzz: the time limit of " + settings.timeLimit().toMinutes() + " min is reached;"
            + " " + (end - next) + " tries are left out");
        end = next;
      }
      if (running.isEmpty()) {
        break;
      }
      Map.Entry<Integer, Future<Eval>> first = running.entrySet().iterator().next();
      Eval e = get(first.getValue());
      int i = first.getKey();
      running.remove(i);
      Shrinkable<NetSpec> sh = shrinkables.remove(i);
      done++;
      scenariosRun++;
      lines += e.report().lines();
      kernelNanos += e.kernelNanos();
      countPings(e, pings);
      if (e.kernelSelf() != null && !e.kernelSelf().allAgree()) {
        Path file = save("flaky-" + settings.seed() + "-" + i + ".sh", text(e.script(), null));
        String r = ReportText.render(e.kernelSelf());
        selfFlakes.add(new Flake(i, file, r));
        log("fuzz: try " + i + ": the kernel disagrees with itself: " + file + "\n" + r);
      }
      if (!e.agrees()) {
        failing.put(i, sh);
        failingEval.put(i, e);
        log("fuzz: try " + i + " disagrees: " + signature(e.report()));
      }
      if (settings.invariants()) {
        for (String v : Oracles.all(sim, e.script(), 40)) {
          violations.add("try " + i + ": " + v);
        }
      }
      if (System.nanoTime() - lastLog > 30_000_000_000L) {
        lastLog = System.nanoTime();
        log("fuzz: " + done + "/" + settings.tries() + " tries, " + lines + " lines, "
            + failing.size() + " disagreeing, " + (System.nanoTime() - start) / 1_000_000_000L
            + " s");
      }
    }
    long shrinkStart = System.nanoTime();
    List<Failure> failures = new ArrayList<>();
    List<Flake> flakes = new ArrayList<>(selfFlakes);
    Set<String> shrunkSignatures = new HashSet<>();
    for (Map.Entry<Integer, Shrinkable<NetSpec>> f : failing.entrySet()) {
      int i = f.getKey();
      Eval e = failingEval.get(i);
      Eval again = evaluate("try-" + i + ".sh", e.script());
      DiffReport self = Comparison.compare(e.script(), "kernel", e.kernel(), "kernel again",
          again.kernel());
      if (!self.allAgree() || again.agrees()) {
        Path file = save("flaky-" + settings.seed() + "-" + i + ".sh", text(e.script(), null));
        String r = self.allAgree() ? ReportText.render(e.report()) : ReportText.render(self);
        flakes.add(new Flake(i, file, r));
        log("fuzz: try " + i + " is flaky (the kernel disagrees with itself): " + file + "\n" + r);
        continue;
      }
      String sig = signature(e.report());
      boolean shrink = failures.size() < settings.maxShrinks() && shrunkSignatures.add(sig);
      failures.add(shrink ? shrink(i, f.getValue(), e, sig) : keep(i, e, sig));
    }
    Duration shrinking = Duration.ofNanos(System.nanoTime() - shrinkStart);
    workers.shutdownNow();
    return new Outcome(settings, done, scenariosRun, lines,
        Duration.ofNanos(System.nanoTime() - start), shrinking, failures, flakes, violations,
        pings, kernelNanos / 1_000_000);
  }

  private void log(String s) {
    settings.log().println(s);
    settings.log().flush();
  }

  private static <T> T get(Future<T> f) throws InterruptedException, BackendUnavailableException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof BackendUnavailableException b) {
        throw b;
      }
      if (c instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(c);
    }
  }

  Eval evaluate(String name, String text) throws BackendUnavailableException {
    return evaluate(name, ScriptParser.parse(name, text));
  }

  Eval evaluate(String name, Script script) throws BackendUnavailableException {
    long t0 = System.nanoTime();
    List<LineResult> k = kernel.run(script);
    long kt = System.nanoTime() - t0;
    List<LineResult> s = sim.run(script);
    return new Eval(script, k, s, Comparison.compare(script, "kernel", k, "sim", s), kt, null);
  }

  /** A try: as {@link #evaluate}, and with {@code kernelTwice} the kernel a second time. */
  Eval tryScript(String name, String text) throws BackendUnavailableException {
    Eval e = evaluate(name, text);
    if (!settings.kernelTwice()) {
      return e;
    }
    List<LineResult> again = kernel.run(e.script());
    return new Eval(e.script(), e.kernel(), e.sim(), e.report(), e.kernelNanos(),
        Comparison.compare(e.script(), "kernel", e.kernel(), "kernel again", again));
  }

  private static void countPings(Eval e, Map<String, Integer> pings) {
    for (int j = 0; j < e.kernel().size(); j++) {
      if (!words(e.script().lines().get(j)).get(0).equals("ping")) {
        continue;
      }
      LineResult r = e.kernel().get(j);
      String what = r.status() == 0 ? "answered" : r.stdout().contains(" errors,")
          ? "ICMP error" : r.status() == 1 ? "lost" : "refused locally";
      pings.merge(what, 1, Integer::sum);
    }
  }

  // ------------------------------------------------------------------------------ signatures

  /** A line's words without the namespace that runs it ({@code ip -n X}, {@code ip netns exec X}). */
  static List<String> words(ScriptLine l) {
    List<String> w = new ArrayList<>(l.argv());
    if (w.size() > 3 && w.get(0).equals("ip") && w.get(1).equals("netns")
        && w.get(2).equals("exec")) {
      w = new ArrayList<>(w.subList(4, w.size()));
    }
    if (w.size() > 2 && w.get(0).equals("ip") && w.get(1).equals("-n")) {
      w.remove(1);
      w.remove(1);
    }
    return w.isEmpty() ? List.of("") : w;
  }

  /** What kind of command a line is: {@code ip route get}, {@code ping}, {@code sysctl}... */
  static String kind(ScriptLine l) {
    List<String> w = words(l);
    if (!w.get(0).equals("ip")) {
      return w.get(0);
    }
    List<String> words = new ArrayList<>();
    for (String x : w.subList(1, w.size())) {
      if (!x.startsWith("-")) {
        words.add(x);
      }
      if (words.size() == 2) {
        break;
      }
    }
    if (words.size() == 1 || (words.size() == 2 && words.get(1).equals("list"))) {
      // a dump: "ip addr" is "ip addr show"
      words = List.of(words.get(0), "show");
    }
    return "ip " + String.join(" ", words);
  }

  /** The kind of the first disagreeing line, and what of it differs. */
  static String signature(DiffReport r) {
    if (r.allAgree()) {
      return "agree";
    }
    DiffReport.Disagreement d = r.disagreements().get(0);
    String cmd = d.command().startsWith("! ") ? d.command().substring(2) : d.command();
    ScriptLine l = ScriptParser.parse("x.sh", cmd).lines().get(0);
    return kind(l) + ": " + (d.statusDiffers() ? "status " : "")
        + (d.stdoutDiffers() ? "stdout " : "") + (d.stderrDiffers() ? "stderr" : "").strip();
  }

  /** Whether a run disagrees in the way {@code sig} describes (at any line). */
  static boolean fails(Eval e, String sig) {
    if (e.agrees()) {
      return false;
    }
    for (DiffReport.Disagreement d : e.report().disagreements()) {
      DiffReport one = new DiffReport("", "kernel", "sim", 1, List.of(d));
      if (signature(one).equals(sig)) {
        return true;
      }
    }
    return false;
  }

  // ------------------------------------------------------------------------------ shrinking

  private Failure keep(int i, Eval e, String sig) throws IOException {
    Path file = save(settings.seed() + "-" + i + ".sh", text(e.script(), e.kernel()));
    log("fuzz: try " + i + " [" + sig + "] kept unshrunk (another of its kind was shrunk): "
        + file);
    return new Failure(i, sig, file, file, e.script().lines().size(),
        e.script().lines().size(), ReportText.render(e.report()));
  }

  private Failure shrink(int i, Shrinkable<NetSpec> start, Eval first, String sig)
      throws IOException, InterruptedException, BackendUnavailableException {
    long until = System.nanoTime() + settings.shrinkBudget().toNanos();
    Path original = save(settings.seed() + "-" + i + ".orig.sh",
        text(first.script(), first.kernel()));
    log("fuzz: shrinking try " + i + " [" + sig + "], " + first.script().lines().size()
        + " lines; the original is " + original);
    Shrinkable<NetSpec> cur = start;
    Eval curEval = first;
    Set<String> tried = new HashSet<>();
    tried.add(ScriptWriter.write(cur.value(), ""));
    boolean improved = true;
    while (improved && System.nanoTime() < until) {
      improved = false;
      Iterator<Shrinkable<NetSpec>> it = cur.shrink().iterator();
      while (it.hasNext() && System.nanoTime() < until && !improved) {
        List<Shrinkable<NetSpec>> batch = new ArrayList<>();
        List<Future<Eval>> runs = new ArrayList<>();
        while (it.hasNext() && batch.size() < settings.workers()) {
          Shrinkable<NetSpec> c = it.next();
          String t = ScriptWriter.write(c.value(), "");
          if (tried.add(t)) {
            batch.add(c);
            runs.add(workers.submit(() -> evaluate("shrink.sh", t)));
          }
        }
        for (int k = 0; k < batch.size(); k++) {
          Eval e = get(runs.get(k));
          scenariosRun++;
          if (!improved && fails(e, sig)) {
            cur = batch.get(k);
            curEval = e;
            improved = true;
          }
        }
      }
    }
    log("fuzz: try " + i + ": jqwik shrinking left " + curEval.script().lines().size()
        + " lines; now line by line");
    List<String> lines = new ArrayList<>();
    for (ScriptLine l : curEval.script().lines()) {
      lines.add(l.text());
    }
    int chunk = Math.max(1, lines.size() / 2);
    while (chunk >= 1 && System.nanoTime() < until) {
      boolean removed = false;
      for (int from = lines.size() - chunk; from >= 0 && System.nanoTime() < until; ) {
        List<Integer> starts = new ArrayList<>();
        List<Future<Eval>> runs = new ArrayList<>();
        for (int s = from; s >= 0 && starts.size() < settings.workers(); s -= chunk) {
          List<String> cand = new ArrayList<>(lines.subList(0, s));
          cand.addAll(lines.subList(Math.min(lines.size(), s + chunk), lines.size()));
          String t = String.join("\n", cand) + "\n";
          starts.add(s);
          runs.add(workers.submit(() -> evaluate("shrink.sh", t)));
        }
        int accepted = -1;
        for (int k = 0; k < runs.size(); k++) {
          Eval e = get(runs.get(k));
          scenariosRun++;
          if (accepted < 0 && fails(e, sig)) {
            accepted = starts.get(k);
            curEval = e;
          }
        }
        if (accepted >= 0) {
          lines.subList(accepted, Math.min(lines.size(), accepted + chunk)).clear();
          removed = true;
          from = Math.min(accepted, lines.size() - chunk);
        } else {
          from = starts.get(starts.size() - 1) - chunk;
        }
      }
      if (!removed) {
        chunk /= 2;
      }
    }
    String body = String.join("\n", lines) + "\n";
    Eval last = evaluate("shrink.sh", body);
    scenariosRun++;
    if (!fails(last, sig)) {
      last = curEval;
    }
    String name = settings.seed() + "-" + i + ".sh";
    Path file = settings.outDir().resolve(name);
    String saved = "# Found by netsim's differential fuzzer (netsim.fuzz.Campaign): seed "
        + settings.seed() + ", try " + i + ";\n"
        + "# shrunk from " + first.script().lines().size() + " to "
        + last.script().lines().size() + " lines. The kernel and the simulator disagree ["
        + sig + "].\n"
        + "# Reproduce: ./netsim diff " + file + "\n"
        + text(last.script(), last.kernel());
    Files.writeString(file, saved, StandardCharsets.UTF_8);
    // once more exactly as netsim diff runs it: a sandbox of its own
    Script check = ScriptParser.parse(file.toString(), saved);
    DiffReport r = Comparison.run(check, new netsim.sandbox.SandboxBackend(), sim);
    scenariosRun++;
    String rendered = ReportText.render(r);
    log("fuzz: try " + i + " shrunk to " + check.lines().size() + " lines: " + file + "\n"
        + rendered);
    return new Failure(i, sig, file, original, first.script().lines().size(),
        check.lines().size(), rendered);
  }

  /** A script's text, one command a line, with {@code !} where the kernel's status was not 0. */
  static String text(Script s, List<LineResult> kernel) {
    StringBuilder sb = new StringBuilder();
    for (int j = 0; j < s.lines().size(); j++) {
      String t = s.lines().get(j).text();
      boolean negated = t.startsWith("! ");
      String bare = negated ? t.substring(2) : t;
      boolean fails = kernel != null && (kernel.get(j).status() != 0) != negated;
      sb.append(fails ? "! " : "").append(bare).append('\n');
    }
    return sb.toString();
  }

  private Path save(String name, String text) throws IOException {
    Path p = settings.outDir().resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }
}
