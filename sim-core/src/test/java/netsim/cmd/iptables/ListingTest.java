package netsim.cmd.iptables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * What -L, -S and iptables-save print, byte for byte as iptables 1.8.9 printed it on the kernel
 * (the outputs below were captured in a sandbox; note the trailing spaces of -L lines).
 */
class ListingTest {
  private final Ipt ipt = new Ipt();

  private void fourRules() {
    ipt.out("iptables -A INPUT -s 192.168.20.102/24 -j ACCEPT");
    ipt.out("iptables -A INPUT -p icmp --icmp-type echo-request -j DROP");
    ipt.out("iptables -A INPUT -i lo -p tcp --dport 22 -j REJECT");
    ipt.out("iptables -A INPUT ! -s 10.0.0.0/8 -d 10.1.2.3 -p udp --sport 53 -j RETURN");
  }

  @Test
  void aFreshNamespaceSavesNothingAndListsDefaultChains() {
    assertEquals("", ipt.out("iptables-save"));
    assertEquals("-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n", ipt.out("iptables -S"));
    assertEquals("Chain INPUT (policy ACCEPT)\n"
        + "target     prot opt source               destination         \n\n"
        + "Chain FORWARD (policy ACCEPT)\n"
        + "target     prot opt source               destination         \n\n"
        + "Chain OUTPUT (policy ACCEPT)\n"
        + "target     prot opt source               destination         \n",
        ipt.out("iptables -L"));
    assertEquals("", ipt.out("iptables-save"), "listing created no table (E1)");
  }

  @Test
  void listWithNames() {
    fourRules();
    assertEquals("Chain INPUT (policy ACCEPT)\n"
        + "target     prot opt source               destination         \n"
        + "ACCEPT     all  --  192.168.20.0/24      anywhere            \n"
        + "DROP       icmp --  anywhere             anywhere             icmp echo-request\n"
        + "REJECT     tcp  --  anywhere             anywhere             tcp dpt:ssh "
        + "reject-with icmp-port-unreachable\n"
        + "RETURN     udp  -- !10.0.0.0/8           10.1.2.3             udp spt:domain\n",
        ipt.out("iptables -L INPUT"));
  }

  @Test
  void listNumericVerboseWithLineNumbers() {
    fourRules();
    assertEquals("Chain INPUT (policy ACCEPT 0 packets, 0 bytes)\n"
        + "num   pkts bytes target     prot opt in     out     source               "
        + "destination         \n"
        + "1        0     0 ACCEPT     0    --  *      *       192.168.20.0/24      0.0.0.0/0"
        + "           \n"
        + "2        0     0 DROP       1    --  *      *       0.0.0.0/0            0.0.0.0/0"
        + "            icmptype 8\n"
        + "3        0     0 REJECT     6    --  lo     *       0.0.0.0/0            0.0.0.0/0"
        + "            tcp dpt:22 reject-with icmp-port-unreachable\n"
        + "4        0     0 RETURN     17   --  *      *      !10.0.0.0/8           10.1.2.3"
        + "             udp spt:53\n",
        ipt.out("iptables -L INPUT -n -v --line-numbers"));
  }

  @Test
  void listRulesAndSaveWriteTheCanonicalForm() {
    fourRules();
    ipt.out("iptables -A FORWARD -p tcp -d 5.6.7.8 -o v1 -s 1.2.3.4 -i v0 -j ACCEPT");
    assertEquals("-P FORWARD ACCEPT\n"
        + "-A FORWARD -s 1.2.3.4/32 -d 5.6.7.8/32 -i v0 -o v1 -p tcp -j ACCEPT\n",
        ipt.out("iptables -S FORWARD"));
    assertEquals("-A INPUT -p icmp -m icmp --icmp-type 8 -j DROP\n",
        ipt.out("iptables -S INPUT 2"));
    assertEquals("*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n"
        + "-A INPUT -s 192.168.20.0/24 -j ACCEPT\n"
        + "-A INPUT -p icmp -m icmp --icmp-type 8 -j DROP\n"
        + "-A INPUT -i lo -p tcp -m tcp --dport 22 -j REJECT --reject-with icmp-port-unreachable\n"
        + "-A INPUT ! -s 10.0.0.0/8 -d 10.1.2.3/32 -p udp -m udp --sport 53 -j RETURN\n"
        + "-A FORWARD -s 1.2.3.4/32 -d 5.6.7.8/32 -i v0 -o v1 -p tcp -j ACCEPT\n"
        + "COMMIT\n", ipt.save());
  }

  @Test
  void natTargetsAndTheirTexts() {
    ipt.out("iptables -t nat -A POSTROUTING -s 192.168.20.102/24 -j MASQUERADE");
    ipt.out("iptables -t nat -A POSTROUTING -s 10.0.3.0/24 -j SNAT --to-source 203.0.113.1");
    ipt.out("iptables -t nat -A PREROUTING -p tcp -d 192.0.2.80 --dport 80 -j DNAT "
        + "--to-destination 10.0.2.2:8080");
    ipt.out("iptables -t nat -A PREROUTING -p tcp --dport 81 -j REDIRECT --to-ports 8081");
    assertEquals("Chain PREROUTING (policy ACCEPT)\n"
        + "target     prot opt source               destination         \n"
        + "DNAT       tcp  --  anywhere             192.0.2.80           tcp dpt:http "
        + "to:10.0.2.2:8080\n"
        + "REDIRECT   tcp  --  anywhere             anywhere             tcp dpt:81 redir ports "
        + "8081\n", ipt.out("iptables -t nat -L PREROUTING"));
    assertEquals("    0     0 MASQUERADE  0    --  *      *       192.168.20.0/24      0.0.0.0/0"
        + "           \n", ipt.out("iptables -t nat -L POSTROUTING 1 -n -v"));
    assertEquals("-A POSTROUTING -s 10.0.3.0/24 -j SNAT --to-source 203.0.113.1\n",
        ipt.out("iptables -t nat -S POSTROUTING 2"));
  }

  @Test
  void stateLogAndRejectTexts() {
    ipt.out("iptables -A INPUT -m conntrack ! --ctstate NEW -j ACCEPT");
    ipt.out("iptables -A INPUT -m state --state ESTABLISHED,RELATED -j LOG --log-prefix "
        + "\"new: \" --log-level info");
    ipt.out("iptables -A INPUT -p tcp ! --syn -j REJECT --reject-with tcp-reset");
    ipt.out("iptables -A INPUT -p icmp --icmp-type 3/3 -j ACCEPT");
    assertEquals("Chain INPUT (policy ACCEPT)\n"
        + "target     prot opt source               destination         \n"
        + "ACCEPT     all  --  anywhere             anywhere             ! ctstate NEW\n"
        + "LOG        all  --  anywhere             anywhere             state RELATED,ESTABLISHED"
        + " LOG level info prefix \"new: \"\n"
        + "REJECT     tcp  --  anywhere             anywhere             tcp flags:!FIN,SYN,RST,ACK"
        + "/SYN reject-with tcp-reset\n"
        + "ACCEPT     icmp --  anywhere             anywhere             icmp port-unreachable\n",
        ipt.out("iptables -L INPUT"));
    assertEquals("-P INPUT ACCEPT\n"
        + "-A INPUT -m conntrack ! --ctstate NEW -j ACCEPT\n"
        + "-A INPUT -m state --state RELATED,ESTABLISHED -j LOG --log-prefix \"new: \" "
        + "--log-level 6\n"
        + "-A INPUT -p tcp -m tcp ! --tcp-flags FIN,SYN,RST,ACK SYN -j REJECT --reject-with "
        + "tcp-reset\n"
        + "-A INPUT -p icmp -m icmp --icmp-type 3/3 -j ACCEPT\n", ipt.out("iptables -S INPUT"));
  }

  @Test
  void userChainsShowTheirReferences() {
    ipt.out("iptables -N A");
    ipt.out("iptables -N MY");
    ipt.out("iptables -A MY -j A");
    ipt.out("iptables -A INPUT -g MY");
    assertEquals("Chain A (1 references)\n"
        + " pkts bytes target     prot opt in     out     source               destination"
        + "         \n", ipt.out("iptables -L A -v"));
    assertEquals("MY         all  --  anywhere             anywhere            [goto] \n",
        ipt.out("iptables -L INPUT 1"));
    assertEquals("-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n-N A\n-N MY\n"
        + "-A INPUT -g MY\n-A MY -j A\n", ipt.out("iptables -S"));
  }

  @Test
  void countersAbbreviateUnlessExact() {
    assertEquals("    0 ", Listing.num(0, Listing.KILOMEGAGIGA));
    assertEquals("99999 ", Listing.num(99999, Listing.KILOMEGAGIGA));
    assertEquals(" 100K ", Listing.num(100000, Listing.KILOMEGAGIGA));
    assertEquals("1000K ", Listing.num(999_500, Listing.KILOMEGAGIGA));
    assertEquals("  10M ", Listing.num(10_000_000, Listing.KILOMEGAGIGA));
    assertEquals("  123456 ", Listing.num(123456, 0));
    assertEquals("100K ", Listing.num(100000, Listing.KILOMEGAGIGA | Listing.NOTABLE));
  }

  @Test
  void verboseAddPrintsTheRule() {
    assertEquals("ACCEPT  tcp opt -- in * out *  1.2.3.4  -> 0.0.0.0/0   tcp dpt:80\n",
        ipt.out("iptables -v -A INPUT -s 1.2.3.4 -p tcp --dport 80 -j ACCEPT"));
  }

  @Test
  void saveOfOneTableShowsItEvenBeforeItExists() {
    assertEquals("*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n"
        + ":POSTROUTING ACCEPT [0:0]\nCOMMIT\n",
        ipt.out("iptables-save -t nat").replaceAll("(?m)^# .*\n", ""));
    assertEquals("", ipt.out("iptables-save"));
  }
}
