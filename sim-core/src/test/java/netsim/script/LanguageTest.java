package netsim.script;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageTest {

  private static String check(String line) {
    ScriptLine l = ScriptParser.parse("t.sh", line).lines().get(0);
    return l.refusal();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "ip link set v0 netns 1", "ip link add a type veth peer name b netns 1",
      "ip -n ../../proc/1/ns/net link", "ip link set v0 netns /proc/1/ns/net",
      "sysctl -w kernel.hostname=x", "sysctl vm.swappiness=1", "sysctl -p",
      "sysctl --system", "ip monitor", "ip -batch f", "ip netns attach x 1",
      "ip netns exec a ip link set v0 netns 1", "unshare -U -r", "unshare --pid id",
      "setpriv --reuid=1000", "bash", "bash -c 'ip link | cat'", "sh -c 'sysctl -w vm.x=1'",
      "curl http://example.com", "/usr/sbin/ip link", "iptables -M /bin/sh -L",
      "ping 10.0.0.1", "ip link add x type vxlan id 5", "ip xfrm state",
      "cat /etc/shadow", "touch /tmp/x", "stat /etc/passwd",
      "ip netns exec a bash -c 'echo 1 > /proc/sys/kernel/x'",
      "unshare --net=/run/netns/x id", "unshare --user=/tmp/u id", "unshare --ne=/tmp/n id"})
  void refused(String line) {
    assertNotNull(check(line), line);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "ip link set v0 netns a", "ip -n a -j link", "ip netns exec a ip route",
      "sysctl -w net.ipv4.ip_forward=1", "sysctl net.core.somaxconn", "ping -c1 -W1 10.0.0.1",
      "ping -w 2 10.0.0.1", "unshare -U -r -n ip link", "unshare -Ur id",
      "setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r id",
      "bash -c 'echo 1 > /proc/sys/net/ipv4/ip_forward; cat /proc/sys/net/ipv4/ip_forward'",
      "cat /proc/self/uid_map", "touch hoge", "stat -c '%u %g' hoge /", "id", "exit 3",
      "ip link add v0 type veth peer name v1", "ip link add br0 type bridge",
      "ip foo", "iptables -t nat -L"})
  void accepted(String line) {
    assertNull(check(line), line);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ip link set v0 netns 1"})
  void theRefusalSaysWhy(String line) {
    String why = check(line);
    assertTrue(why.contains("PID"), why);
    assertNull(Language.check(List.of("ip", "link", "set", "v0", "netns", "a"), null, "t"));
  }
}
