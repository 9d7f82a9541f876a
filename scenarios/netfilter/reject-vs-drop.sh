# REJECT against DROP, as ping shows them: h1 -- r -- h2 (h1 10.0.1.2, r 10.0.1.1 and
# 10.0.2.1, h2 10.0.2.2). A dropped probe is silent loss; a rejected one comes back as an ICMP
# error from the box that refused it, of the kind --reject-with names (default
# icmp-port-unreachable). In the sender's own OUTPUT, DROP is silent too, but REJECT makes ping
# print the error and "sendmsg: Operation not permitted".

ip netns add h1
ip netns add r
ip netns add h2
ip -n r link add r1 type veth peer name h1e netns h1
ip -n r link add r2 type veth peer name h2e netns h2
ip -n r addr add 10.0.1.1/24 dev r1
ip -n r addr add 10.0.2.1/24 dev r2
ip -n h1 addr add 10.0.1.2/24 dev h1e
ip -n h2 addr add 10.0.2.2/24 dev h2e
ip -n r link set r1 up
ip -n r link set r2 up
ip -n r link set lo up
ip -n h1 link set h1e up
ip -n h1 link set lo up
ip -n h2 link set h2e up
ip -n h2 link set lo up
ip -n h1 route add default via 10.0.1.1
ip -n h2 route add default via 10.0.2.1
ip netns exec r sysctl -w net.ipv4.ip_forward=1
ip netns exec h1 ping -c1 -W1 10.0.2.2

# on the router: DROP is silent
ip netns exec r iptables -A FORWARD -p icmp --icmp-type echo-request -j DROP
! ip netns exec h1 ping -c1 -W1 10.0.2.2

# REJECT answers from the router's address on h1's side
ip netns exec r iptables -R FORWARD 1 -p icmp --icmp-type echo-request -j REJECT
! ip netns exec h1 ping -c1 -W1 10.0.2.2
ip netns exec r iptables -R FORWARD 1 -p icmp --icmp-type echo-request -j REJECT --reject-with icmp-host-prohibited
! ip netns exec h1 ping -c1 -W1 10.0.2.2
ip netns exec r iptables -R FORWARD 1 -p icmp --icmp-type echo-request -j REJECT --reject-with icmp-net-unreachable
! ip netns exec h1 ping -c1 -W1 10.0.2.2
ip netns exec r iptables -R FORWARD 1 -p icmp --icmp-type echo-request -j REJECT --reject-with icmp-admin-prohibited
! ip netns exec h1 ping -c1 -W1 10.0.2.2
ip netns exec r iptables -L FORWARD -v -n
ip netns exec r iptables -F FORWARD

# on the destination: the same, from its own address
ip netns exec h2 iptables -A INPUT -p icmp --icmp-type echo-request -j DROP
! ip netns exec h1 ping -c1 -W1 10.0.2.2
ip netns exec h2 iptables -R INPUT 1 -p icmp --icmp-type echo-request -j REJECT --reject-with icmp-proto-unreachable
! ip netns exec h1 ping -c1 -W1 10.0.2.2
ip netns exec h2 iptables -D INPUT 1
ip netns exec h1 ping -c1 -W1 10.0.2.2

# in the sender's own OUTPUT
ip netns exec h1 iptables -A OUTPUT -p icmp --icmp-type echo-request -j DROP
! ip netns exec h1 ping -c1 -W1 10.0.2.2
ip netns exec h1 iptables -R OUTPUT 1 -p icmp --icmp-type echo-request -j REJECT
! ip netns exec h1 ping -c1 -W1 10.0.2.2
ip netns exec h1 iptables -L OUTPUT -v -n
ip netns exec h1 iptables -L INPUT -v -n
