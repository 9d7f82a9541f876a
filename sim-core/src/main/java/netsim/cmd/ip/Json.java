package netsim.cmd.ip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON values in insertion order, printed the way iproute2's json_writer prints them: compact
 * ({@code [{"a":1,"b":"x"}]}), or with {@code -p} indented by four spaces, with arrays of plain
 * values kept on one line ({@code [ "UP","LOWER_UP" ]}).
 */
public final class Json {
  private Json() {}

  /** An object whose keys keep their order. */
  public static final class Obj {
    final Map<String, Object> fields = new LinkedHashMap<>();

    public Obj put(String k, Object v) {
      fields.put(k, v);
      return this;
    }

    public boolean has(String k) {
      return fields.containsKey(k);
    }
  }

  public static Obj obj() {
    return new Obj();
  }

  /** A JSON null ({@code print_null}). */
  public static final Object NULL = new Object();

  public static String render(Object v, boolean pretty) {
    StringBuilder sb = new StringBuilder();
    write(sb, v, pretty, 0);
    return sb.toString();
  }

  private static void indent(StringBuilder sb, int n) {
    sb.append("    ".repeat(n));
  }

  @SuppressWarnings("unchecked")
  private static void write(StringBuilder sb, Object v, boolean pretty, int depth) {
    if (v == null || v == NULL) {
      sb.append("null");
    } else if (v instanceof String s) {
      quote(sb, s);
    } else if (v instanceof Boolean || v instanceof Number) {
      sb.append(v);
    } else if (v instanceof Obj o) {
      if (o.fields.isEmpty()) {
        sb.append("{}");
        return;
      }
      sb.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> e : o.fields.entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        if (pretty) {
          sb.append('\n');
          indent(sb, depth + 1);
        }
        quote(sb, e.getKey());
        sb.append(pretty ? ": " : ":");
        write(sb, e.getValue(), pretty, depth + 1);
      }
      if (pretty) {
        sb.append('\n');
        indent(sb, depth);
      }
      sb.append('}');
    } else if (v instanceof List<?> l) {
      boolean plain = l.stream().noneMatch(x -> x instanceof Obj || x instanceof List);
      if (pretty && plain) {
        sb.append("[ ");
        for (int i = 0; i < l.size(); i++) {
          if (i > 0) {
            sb.append(',');
          }
          write(sb, l.get(i), true, depth + 1);
        }
        sb.append(" ]");
        return;
      }
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        if (pretty) {
          sb.append(i == 0 ? "" : " ");
        }
        write(sb, l.get(i), pretty, depth);
      }
      sb.append(']');
    } else {
      quote(sb, v.toString());
    }
  }

  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  public static List<Object> list() {
    return new ArrayList<>();
  }
}
