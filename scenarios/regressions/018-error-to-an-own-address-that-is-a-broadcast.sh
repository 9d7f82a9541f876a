# A namespace whose address 10.0.3.3 (on eth2) is also the broadcast of eth0's 10.0.3.0/30 (the
# local table lists the broadcast route first, so 10.0.3.3 is a broadcast there) pings from it
# and ARP fails: the error goes to 10.0.3.3 by the reversed flow's local broadcast route, round
# through lo from 10.0.3.0, and icmp_rcv drops it (an ICMP error to a broadcast), so ping
# prints nothing; no copy leaves by eth0. Binding to such an address is allowed. Found by the
# differential fuzzer (seed 1, try 638).
ip netns add n0
ip netns add n1
ip netns add n2
ip -n n0 link set lo up
ip -n n0 link add eth0 type veth peer name eth0 netns n1
ip -n n0 link add eth2 type veth peer name eth0 netns n2
ip -n n0 addr add 10.0.3.0/30 dev eth0
ip -n n1 addr add 10.0.3.1/30 dev eth0
ip -n n0 link set eth0 up
ip -n n0 addr add 10.0.3.3/23 dev eth2
ip -n n1 link set eth0 up
ip -n n0 link set eth2 up
ip -n n2 link set eth0 up
ip netns exec n0 iptables -A INPUT -i lo -p icmp --icmp-type destination-unreachable
ip netns exec n0 iptables -A INPUT -i eth0 -p icmp --icmp-type destination-unreachable
ip netns exec n0 iptables -A INPUT -p icmp --icmp-type destination-unreachable
ip netns exec n0 iptables -A OUTPUT -o lo -p icmp --icmp-type destination-unreachable
ip netns exec n0 iptables -A OUTPUT -o eth0 -p icmp --icmp-type destination-unreachable
ip netns exec n0 iptables -A OUTPUT -s 10.0.3.0 -p icmp --icmp-type destination-unreachable
ip netns exec n0 iptables -A OUTPUT -s 10.0.3.3 -p icmp --icmp-type destination-unreachable
! ip netns exec n0 ping -c1 -W4 -I 10.0.3.3 10.0.3.2
ip netns exec n0 iptables -S -v
