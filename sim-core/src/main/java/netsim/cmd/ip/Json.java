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
    Writer w = new Writer(pretty);
    w.value(v);
    return w.sb.toString();
  }

  /**
   * iproute2's json_writer rules: a pending separator is written before the next element; with
   * {@code -p} each object member starts a new line indented four spaces per level, arrays open
   * with {@code "[ "} and close with {@code " ]"}, and an object closes on its own line.
   */
  private static final class Writer {
    final StringBuilder sb = new StringBuilder();
    final boolean pretty;
    int depth;
    boolean sep;

    Writer(boolean pretty) {
      this.pretty = pretty;
    }

    void eor() {
      if (sep) {
        sb.append(',');
      }
      sep = true;
    }

    void eol() {
      if (pretty) {
        sb.append('\n').append("    ".repeat(depth));
      }
    }

    void begin(char c) {
      eor();
      sb.append(c);
      depth++;
      sep = false;
    }

    void end(char c) {
      depth--;
      if (sep) {
        eol();
      }
      sb.append(c);
      sep = true;
    }

    @SuppressWarnings("unchecked")
    void value(Object v) {
      if (v instanceof Obj o) {
        begin('{');
        for (Map.Entry<String, Object> e : o.fields.entrySet()) {
          eor();
          eol();
          sep = false;
          quote(sb, e.getKey());
          sb.append(pretty ? ": " : ":");
          value(e.getValue());
        }
        end('}');
      } else if (v instanceof List<?> l) {
        begin('[');
        if (pretty) {
          sb.append(' ');
        }
        for (Object x : l) {
          value(x);
        }
        if (pretty && sep) {
          sb.append(' ');
        }
        sep = false;
        end(']');
      } else {
        eor();
        if (v == null || v == NULL) {
          sb.append("null");
        } else if (v instanceof String str) {
          quote(sb, str);
        } else if (v instanceof Boolean || v instanceof Number) {
          sb.append(v);
        } else {
          quote(sb, v.toString());
        }
      }
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
