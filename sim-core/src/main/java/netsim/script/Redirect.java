package netsim.script;

/** The one redirection the scenario language has: {@code echo WORDS > FILE} or {@code >> FILE}. */
public record Redirect(String path, boolean append) {
  @Override
  public String toString() {
    return (append ? ">> " : "> ") + path;
  }
}
