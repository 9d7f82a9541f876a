package netsim.diff;

import java.util.List;
import netsim.run.LineResult;

/**
 * How one scenario fared on two backends: how many lines there were and, for each line on which
 * the results differ after normalisation, both (normalised) results.
 *
 * @param file the scenario
 * @param referenceName the name of the backend taken as the truth ({@code kernel})
 * @param candidateName the name of the backend under test ({@code sim})
 * @param lines how many command lines the scenario has (refused ones included)
 * @param disagreements the lines that differ, in order
 * @param refused how many of the lines the scenario language refused: neither backend ran them,
 *     so they agree without telling anything about the model
 */
public record DiffReport(
    String file, String referenceName, String candidateName, int lines,
    List<Disagreement> disagreements, int refused) {

  public DiffReport {
    disagreements = List.copyOf(disagreements);
  }

  public DiffReport(String file, String referenceName, String candidateName, int lines,
      List<Disagreement> disagreements) {
    this(file, referenceName, candidateName, lines, disagreements, 0);
  }

  /**
   * One line on which the backends differ.
   *
   * @param line the file line the command starts on
   * @param command the command as written
   * @param reference the reference backend's normalised result
   * @param candidate the candidate backend's normalised result
   */
  public record Disagreement(int line, String command, LineResult reference, LineResult candidate) {
    public boolean statusDiffers() {
      return reference.status() != candidate.status();
    }

    public boolean stdoutDiffers() {
      return !reference.stdout().equals(candidate.stdout());
    }

    public boolean stderrDiffers() {
      return !reference.stderr().equals(candidate.stderr());
    }
  }

  public int agreeing() {
    return lines - disagreements.size();
  }

  public boolean allAgree() {
    return disagreements.isEmpty();
  }
}
