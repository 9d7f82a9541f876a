# The copy of a multicast or broadcast that loops back to its sender (ip_mc_output) is a clone:
# it shares the original's conntrack entry, passes POSTROUTING just before it, comes back in on
# the same device and is not looked up again. So its state is the original's (NEW), the echo
# replies to it are INVALID (no flow of a multicast has them), nat chains see the flow's first
# packet once, and a SNAT of the flow rewrites the copy and the original alike, with the same id.
ip netns add a
ip netns add b
ip -n a link set lo up
ip -n b link set lo up
ip -n a link add eth0 type veth peer name eth0 netns b
ip -n a addr add 10.0.0.1/24 dev eth0
ip -n a addr add 10.0.0.9/24 dev eth0
ip -n b addr add 10.0.0.2/24 dev eth0
ip -n a link set eth0 up
ip -n b link set eth0 up
ip netns exec a sysctl -w net.ipv4.icmp_echo_ignore_broadcasts=0
ip netns exec b sysctl -w net.ipv4.icmp_echo_ignore_broadcasts=0
ip -n a route add 224.0.0.0/4 dev eth0
ip netns exec a iptables -A OUTPUT -p icmp -m conntrack --ctstate NEW
ip netns exec a iptables -A OUTPUT -p icmp -m conntrack --ctstate ESTABLISHED
ip netns exec a iptables -A OUTPUT -p icmp -m conntrack --ctstate INVALID
ip netns exec a iptables -A INPUT -p icmp -m conntrack --ctstate NEW
ip netns exec a iptables -A INPUT -p icmp -m conntrack --ctstate ESTABLISHED
ip netns exec a iptables -A INPUT -p icmp -m conntrack --ctstate INVALID
ip netns exec a iptables -t nat -A PREROUTING -p icmp
ip netns exec a iptables -t nat -A INPUT -p icmp
ip netns exec a iptables -t nat -A OUTPUT -p icmp
ip netns exec a iptables -t nat -A POSTROUTING -p icmp
ip netns exec a ping -c2 -i0.3 -W2 224.0.0.1
ip netns exec a iptables -S -v
ip netns exec a iptables -t nat -S -v
ip netns exec a iptables -Z
ip netns exec a iptables -t nat -Z
ip netns exec a ping -c2 -i0.3 -W2 -b 10.0.0.255
ip netns exec a iptables -S -v
ip netns exec a iptables -t nat -S -v

# a SNAT of the flow: b sees 10.0.0.9; a's own copy too (and answers it from 10.0.0.1)
ip netns exec a iptables -F
ip netns exec a iptables -t nat -F
ip netns exec a iptables -t nat -A POSTROUTING -p icmp -d 224.0.0.1 -j SNAT --to-source 10.0.0.9
ip netns exec a iptables -t nat -A POSTROUTING -p icmp -d 10.0.0.255 -j SNAT --to-source 10.0.0.9
ip netns exec a iptables -A INPUT -p icmp -s 10.0.0.9
ip netns exec a iptables -A INPUT -p icmp -s 10.0.0.1
ip netns exec a iptables -A INPUT -p icmp -s 10.0.0.2
ip netns exec b iptables -A INPUT -p icmp -s 10.0.0.9
ip netns exec b iptables -A INPUT -p icmp -s 10.0.0.1
ip netns exec a ping -c2 -i0.3 -W2 224.0.0.1
ip netns exec a iptables -S -v
ip netns exec a iptables -t nat -S -v
ip netns exec b iptables -S -v
ip netns exec a ping -c2 -i0.3 -W2 -b 10.0.0.255
ip netns exec a iptables -S -v
ip netns exec a iptables -t nat -S -v
ip netns exec b iptables -S -v
