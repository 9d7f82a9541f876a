# The seed tutorial's MASQUERADE step. Two namespaces hang off the host by veth pairs:
# testns1 (s1 192.168.20.102, host side m1 192.168.20.101) and testns2 (s2 192.168.10.102,
# host side m2 192.168.10.101). "The internet" is one more namespace behind a host uplink,
# up0 203.0.113.1 <-> up1 203.0.113.2, holding 198.51.100.1; it has no route back to private
# ranges. The host forwards, so requests get out, but the answers to private addresses go
# nowhere until the host masquerades testns1's network behind its uplink address.

ip netns add testns1
ip netns add testns2
ip netns add internet
ip link add m1 type veth peer name s1 netns testns1
ip link add m2 type veth peer name s2 netns testns2
ip link add up0 type veth peer name up1 netns internet
ip addr add 192.168.20.101/24 dev m1
ip addr add 192.168.10.101/24 dev m2
ip addr add 203.0.113.1/24 dev up0
ip link set m1 up
ip link set m2 up
ip link set up0 up
ip -n testns1 addr add 192.168.20.102/24 dev s1
ip -n testns1 link set s1 up
ip -n testns1 link set lo up
ip -n testns1 route add default via 192.168.20.101
ip -n testns2 addr add 192.168.10.102/24 dev s2
ip -n testns2 link set s2 up
ip -n testns2 link set lo up
ip -n testns2 route add default via 192.168.10.101
ip -n internet addr add 203.0.113.2/24 dev up1
ip -n internet addr add 198.51.100.1/32 dev lo
ip -n internet link set up1 up
ip -n internet link set lo up
ip route add default via 203.0.113.2
sysctl -w net.ipv4.ip_forward=1

# the host itself reaches the internet from its uplink address
ping -c1 -W1 198.51.100.1
# testns1 reaches the host, but its requests to the internet are never answered
ip netns exec testns1 ping -c1 -W1 192.168.20.101
! ip netns exec testns1 ping -c1 -W1 198.51.100.1
ip -n internet route

# the tutorial's rule: its source is normalised to the network
iptables --table nat --append POSTROUTING --source 192.168.20.102/24 --jump MASQUERADE
iptables -t nat -S
ip netns exec testns1 ping -c1 -W1 198.51.100.1
! ip netns exec testns2 ping -c1 -W1 198.51.100.1
ip netns exec testns1 ping -c2 -i0.2 -W1 198.51.100.1

# each flow's first packet passes the nat chains; the rule counts testns1's two flows
iptables -t nat -L -n -v
iptables -t nat -L POSTROUTING --line-numbers
iptables-save
