package netsim.script;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the scenario language (see {@code shared/docs/scenario-language.md}): a restricted bash in
 * which every logical line is one simple command.
 *
 * <p>The reader never throws on bad input: a line outside the language becomes a {@link
 * ScriptLine} whose {@link ScriptLine#refusal()} says why, naming nothing but the line itself, and
 * the lines after it are read as usual.
 */
public final class ScriptParser {

  private final String file;
  private final String src;
  /** Inside {@code bash -c}, {@code ;} separates commands as a newline does. */
  private final boolean inline;

  private int pos;
  private int lineNo = 1;

  private ScriptParser(String file, String src, boolean inline) {
    this.file = file;
    this.src = src;
    this.inline = inline;
  }

  /** Parses a scenario file's text. */
  public static Script parse(String file, String text) {
    return new Script(file, new ScriptParser(file, text, false).commands());
  }

  /**
   * Parses the SCRIPT of {@code bash -c SCRIPT}: the same rules, with {@code ;} as a separator.
   * Line numbers count the script's own lines.
   */
  public static List<ScriptLine> parseInline(String file, String script) {
    return new ScriptParser(file, script, true).commands();
  }

  /** A word or an operator, with where it started. */
  private record Token(String text, boolean op, boolean quoted) {}

  private static final class Refusal extends Exception {
    Refusal(String msg) {
      super(msg, null, false, false);
    }
  }

  private List<ScriptLine> commands() {
    List<ScriptLine> out = new ArrayList<>();
    while (skipBlank()) {
      int startLine = lineNo;
      int startPos = pos;
      List<Token> tokens = new ArrayList<>();
      String refusal = null;
      try {
        readCommand(tokens);
      } catch (Refusal r) {
        refusal = r.getMessage();
        skipToEndOfLogicalLine();
      }
      String text = commandText(startPos, pos);
      if (tokens.isEmpty() && refusal == null) {
        continue; // blank line or comment
      }
      out.add(refusal != null
          ? ScriptLine.refused(file, startLine, text, refusal)
          : build(startLine, text, tokens));
    }
    return out;
  }

  /** Skips blanks, empty lines, continuations and comments; false at the end of the text. */
  private boolean skipBlank() {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r' || (inline && c == ';')) {
        pos++;
      } else if (c == '\n') {
        pos++;
        lineNo++;
      } else if (c == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
        pos += 2;
        lineNo++;
      } else if (c == '#') {
        while (pos < src.length() && src.charAt(pos) != '\n') {
          pos++;
        }
      } else {
        return true;
      }
    }
    return false;
  }

  /** The command as written: continuations joined, the trailing comment and separators dropped. */
  private String commandText(int from, int to) {
    String raw = src.substring(from, Math.min(to, src.length()));
    raw = raw.replace("\\\r\n", " ").replace("\\\n", " ");
    StringBuilder sb = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (quote == 0 && c == '#' && (i == 0 || Character.isWhitespace(raw.charAt(i - 1)))) {
        break;
      }
      if (quote == 0 && (c == '\'' || c == '"')) {
        quote = c;
      } else if (quote != 0 && c == quote) {
        quote = 0;
      } else if (quote == 0 && c == '\\' && i + 1 < raw.length()) {
        sb.append(c).append(raw.charAt(++i));
        continue;
      }
      sb.append(c);
    }
    String t = sb.toString().strip();
    if (inline && t.endsWith(";")) {
      t = t.substring(0, t.length() - 1).strip();
    }
    return t;
  }

  private void skipToEndOfLogicalLine() {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
        pos += 2;
        lineNo++;
        continue;
      }
      pos++;
      if (c == '\n') {
        lineNo++;
        return;
      }
    }
  }

  /** Reads tokens up to the end of one command (newline, or {@code ;} inside -c). */
  private void readCommand(List<Token> tokens) throws Refusal {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r') {
        pos++;
      } else if (c == '\n') {
        pos++;
        lineNo++;
        if (!tokens.isEmpty()) {
          return;
        }
      } else if (c == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
        pos += 2;
        lineNo++;
      } else if (c == '#') {
        while (pos < src.length() && src.charAt(pos) != '\n') {
          pos++;
        }
      } else if (c == ';') {
        if (!inline) {
          throw new Refusal("`;` is not part of the scenario language outside `bash -c`;"
              + " write one command per line");
        }
        pos++;
        if (!tokens.isEmpty()) {
          return;
        }
      } else if (c == '|' || c == '&' || c == '(' || c == ')' || c == '<') {
        throw new Refusal(operatorRefusal());
      } else if (c == '>') {
        pos++;
        boolean append = pos < src.length() && src.charAt(pos) == '>';
        if (append) {
          pos++;
        }
        if (pos < src.length() && (src.charAt(pos) == '&' || src.charAt(pos) == '|')) {
          throw new Refusal("only `echo WORDS > FILE` and `echo WORDS >> FILE` redirect output");
        }
        tokens.add(new Token(append ? ">>" : ">", true, false));
      } else {
        tokens.add(readWord(tokens.isEmpty()));
      }
    }
  }

  private String operatorRefusal() {
    String two = src.substring(pos, Math.min(pos + 2, src.length()));
    String what =
        switch (two) {
          case "||" -> "`||` lists";
          case "&&" -> "`&&` lists";
          case "<<" -> "here-documents (`<<`)";
          case "<(" -> "process substitution";
          default ->
              switch (two.charAt(0)) {
                case '|' -> "pipes (`|`)";
                case '&' -> "background jobs (`&`)";
                case '(', ')' -> "subshells (`(...)`)";
                case '<' -> "input redirection (`<`)";
                default -> "`" + two.charAt(0) + "`";
              };
        };
    return what + " are not part of the scenario language";
  }

  private Token readWord(boolean first) throws Refusal {
    StringBuilder sb = new StringBuilder();
    boolean quoted = false;
    boolean start = true;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ';' || c == '|' || c == '&'
          || c == '(' || c == ')' || c == '<' || c == '>') {
        if (c == '>' && !quoted && sb.length() > 0 && sb.chars().allMatch(Character::isDigit)) {
          throw new Refusal("redirecting file descriptor " + sb + " is not part of the scenario"
              + " language; only `echo WORDS > FILE` redirects");
        }
        break;
      }
      if (c == '\'') {
        quoted = true;
        int end = src.indexOf('\'', pos + 1);
        if (end < 0) {
          // no closing quote anywhere: refuse this line alone and read on from the next
          int nl = src.indexOf('\n', pos);
          pos = nl < 0 ? src.length() : nl;
          throw new Refusal("unterminated single quote");
        }
        String part = src.substring(pos + 1, end);
        lineNo += countNewlines(part);
        sb.append(part);
        pos = end + 1;
      } else if (c == '"') {
        quoted = true;
        pos++;
        readDoubleQuoted(sb);
      } else if (c == '\\') {
        if (pos + 1 >= src.length()) {
          pos++;
          break;
        }
        char n = src.charAt(pos + 1);
        if (n == '\n') {
          pos += 2;
          lineNo++;
          continue;
        }
        sb.append(n);
        quoted = true;
        pos += 2;
      } else if (c == '$' || c == '`') {
        throw new Refusal(expansionRefusal(c));
      } else if (c == '*' || c == '?' || c == '[') {
        throw new Refusal("glob patterns (`" + c + "`) are not part of the scenario language;"
            + " quote the word");
      } else if (c == '{' || c == '}') {
        throw new Refusal("brace expansion (`" + c + "`) is not part of the scenario language;"
            + " quote the word");
      } else if (c == '~' && start) {
        throw new Refusal("tilde expansion (`~`) is not part of the scenario language");
      } else if (c == '=' && first && sb.length() > 0 && !quoted
          && sb.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_')) {
        throw new Refusal("variable assignments are not part of the scenario language");
      } else {
        sb.append(c);
        pos++;
      }
      start = false;
    }
    return new Token(sb.toString(), false, quoted);
  }

  private void readDoubleQuoted(StringBuilder sb) throws Refusal {
    int start = pos;
    while (true) {
      if (pos >= src.length()) {
        int nl = src.indexOf('\n', start);
        pos = nl < 0 ? src.length() : nl;
        lineNo -= countNewlines(src.substring(start));
        throw new Refusal("unterminated double quote");
      }
      char c = src.charAt(pos);
      if (c == '"') {
        pos++;
        return;
      }
      if (c == '$' || c == '`') {
        throw new Refusal(expansionRefusal(c));
      }
      if (c == '\\' && pos + 1 < src.length()) {
        char n = src.charAt(pos + 1);
        if (n == '"' || n == '\\' || n == '$' || n == '`') {
          sb.append(n);
          pos += 2;
          continue;
        }
        if (n == '\n') {
          pos += 2;
          lineNo++;
          continue;
        }
      }
      if (c == '\n') {
        lineNo++;
      }
      sb.append(c);
      pos++;
    }
  }

  private static String expansionRefusal(char c) {
    return c == '$'
        ? "expansions (`$`) are not part of the scenario language: no variables or `$(...)`"
        : "command substitution (`` ` ``) is not part of the scenario language";
  }

  private static int countNewlines(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }

  /** Turns a command's tokens into a line: the leading {@code !}, the words, the redirection. */
  private ScriptLine build(int line, String text, List<Token> tokens) {
    boolean negated = false;
    int i = 0;
    if (!tokens.get(0).op() && !tokens.get(0).quoted() && tokens.get(0).text().equals("!")) {
      negated = true;
      i = 1;
    }
    List<String> argv = new ArrayList<>();
    Redirect redirect = null;
    for (; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.op()) {
        if (redirect != null) {
          return ScriptLine.refused(file, line, text, "only one redirection is allowed");
        }
        if (i + 1 >= tokens.size() || tokens.get(i + 1).op()) {
          return ScriptLine.refused(file, line, text,
              "`" + t.text() + "` must be followed by a file name");
        }
        if (i + 2 != tokens.size()) {
          return ScriptLine.refused(file, line, text,
              "the redirection must come last: `echo WORDS > FILE`");
        }
        redirect = new Redirect(tokens.get(i + 1).text(), t.text().equals(">>"));
        break;
      }
      if (!t.quoted() && t.text().equals("!") && i == 1 && negated) {
        return ScriptLine.refused(file, line, text, "a second `!` is not part of the language");
      }
      argv.add(t.text());
    }
    String why = Language.check(argv, redirect, file);
    if (why != null) {
      return ScriptLine.refused(file, line, text, why);
    }
    return new ScriptLine(file, line, text, negated, argv, redirect, null);
  }
}
