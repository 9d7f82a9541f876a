package netsim.diff;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import netsim.run.LineResult;

/**
 * Renders reports for machines: one JSON document with {@code "agree"} (true only when every line
 * of every file agrees) and per file its counts and disagreements, with both normalised results
 * under fixed keys: {@code reference} (the kernel) and {@code candidate} (the simulator), each
 * naming its backend.
 */
public final class ReportJson {

  private ReportJson() {}

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public static String render(List<DiffReport> reports) {
    ObjectNode root = JSON.createObjectNode();
    root.put("agree", reports.stream().allMatch(DiffReport::allAgree));
    ArrayNode files = root.putArray("files");
    for (DiffReport r : reports) {
      files.add(file(r));
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static ObjectNode file(DiffReport r) {
    ObjectNode f = JSON.createObjectNode();
    f.put("file", r.file());
    f.put("lines", r.lines());
    f.put("agreeing", r.agreeing());
    f.put("refused", r.refused());
    ArrayNode ds = f.putArray("disagreements");
    for (DiffReport.Disagreement d : r.disagreements()) {
      ObjectNode n = ds.addObject();
      n.put("line", d.line());
      n.put("command", d.command());
      n.set("reference", result(r.referenceName(), d.reference()));
      n.set("candidate", result(r.candidateName(), d.candidate()));
    }
    return f;
  }

  private static ObjectNode result(String backend, LineResult l) {
    ObjectNode n = JSON.createObjectNode();
    n.put("backend", backend);
    n.put("status", l.status());
    n.put("stdout", l.stdout());
    n.put("stderr", l.stderr());
    return n;
  }
}
