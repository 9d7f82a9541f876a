# A router with a stateful FORWARD chain: h1 -- r -- h2, h1 on 10.0.1.0/24, h2 on 10.0.2.0/24.
# Policy DROP, then new flows allowed one way only (h1 to h2), and the answers of established
# flows allowed back. An ICMP error about a flow is RELATED to it, not ESTABLISHED.

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
ip netns exec h2 ping -c1 -W1 10.0.1.2

# policy DROP: forwarding stops, silently, both ways; the router itself still answers
ip netns exec r iptables -P FORWARD DROP
! ip netns exec h1 ping -c1 -W1 10.0.2.2
! ip netns exec h2 ping -c1 -W1 10.0.1.2
ip netns exec h1 ping -c1 -W1 10.0.2.1

# new flows from h1 are let through, but their answers still meet the policy
ip netns exec r iptables -A FORWARD -i r1 -o r2 -j ACCEPT
! ip netns exec h1 ping -c1 -W1 10.0.2.2

# answers of established flows, and errors related to them, are let back
ip netns exec r iptables -A FORWARD -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
ip netns exec h1 ping -c1 -W1 10.0.2.2
! ip netns exec h2 ping -c1 -W1 10.0.1.2
ip netns exec r iptables -L FORWARD -v -n

# h2 rejects pings: the error comes back as RELATED to h1's flow
ip netns exec h2 iptables -A INPUT -p icmp --icmp-type echo-request -j REJECT
! ip netns exec h1 ping -c1 -W1 10.0.2.2

# with ESTABLISHED alone, the same error is dropped on the way back (E9)
ip netns exec r iptables -R FORWARD 2 -m conntrack --ctstate ESTABLISHED -j ACCEPT
! ip netns exec h1 ping -c1 -W1 10.0.2.2
ip netns exec r iptables -S
ip netns exec r iptables-save -t filter
