package netsim.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScriptParserTest {

  private static List<ScriptLine> lines(String text) {
    return ScriptParser.parse("t.sh", text).lines();
  }

  @Test
  void blankLinesAndCommentsHoldNoCommand() {
    List<ScriptLine> ls = lines("\n# a comment\n   \nip link # trailing comment\n\n");
    assertEquals(1, ls.size());
    assertEquals(4, ls.get(0).line());
    assertEquals(List.of("ip", "link"), ls.get(0).argv());
    assertEquals("ip link", ls.get(0).text());
  }

  @Test
  void continuationJoinsLinesAndKeepsTheFirstLineNumber() {
    List<ScriptLine> ls = lines("true\nip link add name a \\\n  type veth\nfalse\n");
    assertEquals(3, ls.size());
    assertEquals(2, ls.get(1).line());
    assertEquals(List.of("ip", "link", "add", "name", "a", "type", "veth"), ls.get(1).argv());
    assertEquals(4, ls.get(2).line());
  }

  @Test
  void quotesGroupWordsWithoutExpansion() {
    ScriptLine l = lines("stat -c '%u %g' \"a b\" c\\ d").get(0);
    assertEquals(List.of("stat", "-c", "%u %g", "a b", "c d"), l.argv());
  }

  @Test
  void aLeadingBangInvertsButAQuotedOneIsAWord() {
    ScriptLine l = lines("! ping -c1 10.0.0.1").get(0);
    assertTrue(l.negated());
    assertEquals("ping", l.argv().get(0));
    ScriptLine q = lines("'!' true").get(0);
    assertTrue(q.isRefused(), "'!' as a command is not in the language");
  }

  @Test
  void echoRedirection() {
    ScriptLine l = lines("echo 1 > /proc/sys/net/ipv4/ip_forward").get(0);
    assertEquals(List.of("echo", "1"), l.argv());
    assertEquals("/proc/sys/net/ipv4/ip_forward", l.redirect().path());
    assertFalse(l.redirect().append());
    ScriptLine a = lines("echo deny >>/proc/self/setgroups").get(0);
    assertTrue(a.redirect().append());
    assertNull(a.refusal());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "ip link | grep lo", "true && false", "true || false", "true; false", "sleep 1 &",
      "(ip link)", "echo $HOME", "echo `id`", "ls *", "cat < /etc/passwd", "X=1 true",
      "echo {a,b}", "cat ~/x", "ip link 2>/dev/null", "echo 1 > /tmp/x", "ip link > x",
      "echo \"unterminated",
      "echo 'unterminated", "echo 1 > /proc/sys/kernel/hostname"})
  void thingsOutsideTheLanguageAreRefusedWithAReason(String text) {
    List<ScriptLine> ls = lines("true\n" + text + "\nfalse\n");
    assertEquals(3, ls.size(), "the lines after a refused one are still read");
    ScriptLine l = ls.get(1);
    assertTrue(l.isRefused(), text);
    assertEquals(2, l.line());
    assertTrue(l.refusalMessage().startsWith("netsim: t.sh:2: "), l.refusalMessage());
    assertEquals(List.of("false"), ls.get(2).argv());
  }

  @Test
  void inlineScriptsSplitOnSemicolonsAndNewlines() {
    List<ScriptLine> ls = ScriptParser.parseInline("-c", "echo a; echo b\necho c");
    assertEquals(3, ls.size());
    assertEquals(1, ls.get(1).line());
    assertEquals(2, ls.get(2).line());
    assertEquals("echo b", ls.get(1).text());
  }

  @Test
  void uptoKeepsLinesStartingAtOrBeforeTheLine() {
    Script s = ScriptParser.parse("t.sh", "true\n\ntrue\ntrue\n");
    assertEquals(2, s.upto(3).lines().size());
  }
}
