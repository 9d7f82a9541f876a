# DNAT of a router's outer address to a namespace behind it, and SNAT --to-source for the way
# out. c (203.0.113.2) sits outside r (outer r0 203.0.113.1, inner r1 10.0.0.1); s (10.0.0.2)
# sits inside. c has no route to 10.0.0.0/24, and s's answers to c go back through r.

ip netns add c
ip netns add r
ip netns add s
ip -n r link add r0 type veth peer name c0 netns c
ip -n r link add r1 type veth peer name s0 netns s
ip -n r addr add 203.0.113.1/24 dev r0
ip -n r addr add 10.0.0.1/24 dev r1
ip -n c addr add 203.0.113.2/24 dev c0
ip -n s addr add 10.0.0.2/24 dev s0
ip -n r link set r0 up
ip -n r link set r1 up
ip -n r link set lo up
ip -n c link set c0 up
ip -n c link set lo up
ip -n s link set s0 up
ip -n s link set lo up
ip -n s route add default via 10.0.0.1
ip netns exec r sysctl -w net.ipv4.ip_forward=1

# c reaches r's outer address, which r answers itself (ttl 64); s is out of c's reach
ip netns exec c ping -c1 -W1 203.0.113.1
! ip netns exec c ping -c1 -W1 10.0.0.2

# DNAT: r hands its outer address to s; c still talks to 203.0.113.1, s answers (ttl 63)
ip netns exec r iptables -t nat -A PREROUTING -i r0 -d 203.0.113.1 -j DNAT --to-destination 10.0.0.2
ip netns exec c ping -c1 -W1 203.0.113.1
# r's own traffic does not pass PREROUTING: r still answers itself
ip netns exec r ping -c1 -W1 203.0.113.1

# an error from s about a DNATed flow is translated back: it comes from 203.0.113.1
ip netns exec s iptables -A INPUT -p icmp --icmp-type echo-request -j REJECT
! ip netns exec c ping -c1 -W1 203.0.113.1
ip netns exec s iptables -F INPUT

# s going out: c cannot answer 10.0.0.2 until r puts its own outer address as the source
! ip netns exec s ping -c1 -W1 203.0.113.2
ip netns exec r iptables -t nat -A POSTROUTING -o r0 -s 10.0.0.0/24 -j SNAT --to-source 203.0.113.1
ip netns exec s ping -c1 -W1 203.0.113.2

ip netns exec r iptables -t nat -L -n -v
ip netns exec r iptables -t nat -S
