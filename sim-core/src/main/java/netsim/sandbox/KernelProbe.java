package netsim.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netsim.model.KernelProfile;
import netsim.model.UserDb;
import netsim.run.BackendUnavailableException;
import netsim.run.LineResult;
import netsim.script.Script;
import netsim.script.ScriptParser;

/**
 * Finds out what this kernel offers, by trying it in a sandbox of its own: which link kinds {@code
 * ip link add} can create, whether br_netfilter is there (its sysctl exists and is on), and how
 * many queues a new veth gets (one per possible CPU, shown by {@code ip -d link}).
 *
 * <p>Only the kinds the scenario language uses are tried. Trying a kind that is a loadable module
 * makes the kernel load it, which is a change to the whole machine; the language's kinds are
 * loaded by the scenarios anyway, others would be loaded for nothing.
 */
final class KernelProbe {

  private KernelProbe() {}

  /** Each kind tried, with the probe line that creates one. */
  private static final Map<String, String> KINDS = kinds();

  private static Map<String, String> kinds() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("veth", "ip link add netsim-p0 type veth peer name netsim-p1");
    m.put("bridge", "ip link add netsim-p2 type bridge");
    m.put("dummy", "ip link add netsim-p3 type dummy");
    return m;
  }

  private static final String BR_NETFILTER = "cat /proc/sys/net/bridge/bridge-nf-call-iptables";

  private static final String VETH_DETAILS = "ip -d link show netsim-p0";

  private static final Pattern QUEUES = Pattern.compile("\\bnumtxqueues (\\d+)\\b");

  static KernelProfile detect(SandboxBackend backend) throws BackendUnavailableException {
    String text =
        String.join("\n", KINDS.values()) + "\n" + BR_NETFILTER + "\n" + VETH_DETAILS + "\n";
    Script probe = ScriptParser.parse("<kernel probe>", text);
    List<LineResult> results = backend.run(probe);
    Set<String> kinds = new TreeSet<>();
    int i = 0;
    for (String kind : KINDS.keySet()) {
      if (results.get(i++).status() == 0) {
        kinds.add(kind);
      }
    }
    LineResult br = results.get(i++);
    Matcher queues = QUEUES.matcher(results.get(i).stdout());
    if (!kinds.contains("veth") || !queues.find()) {
      throw new BackendUnavailableException("this kernel cannot create a veth pair, which every"
          + " scenario needs: " + results.get(0).stderr().strip());
    }
    return new KernelProfile(kinds, br.status() == 0 && br.stdout().strip().equals("1"),
        Integer.parseInt(queues.group(1)), hostUsers());
  }

  /**
   * The machine's own user database, which {@code id} and {@code setpriv} in the sandbox read
   * (its mount namespace shares the machine's files); the bundled one when it cannot be read.
   */
  static UserDb hostUsers() {
    try {
      return UserDb.parse(Files.readString(Path.of("/etc/passwd")),
          Files.readString(Path.of("/etc/group")));
    } catch (IOException | RuntimeException e) {
      return UserDb.defaultDb();
    }
  }
}
