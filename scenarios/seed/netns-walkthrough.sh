# The seed tutorial's first part (shared/seed/000_745cf065ecbbf93e.txt), in the scenario
# language: two namespaces joined to the host by veth pairs, each with a default route through
# the host; the OK/NG ping matrix before and after IP forwarding is enabled.
# (The tutorial's `ethtool -S m1` is outside the language; its MASQUERADE step is
# scenarios/seed/masquerade.sh and its user-namespace part scenarios/seed/userns.sh.)

ip netns add testns1
ip netns add testns2
ip netns list
ip link add name m1 type veth peer name s1
ip link add name m2 type veth peer name s2
ip -d link show s1
ip -d link show m1
ip link set dev s1 netns testns1
ip link set dev s2 netns testns2
ip netns exec testns1 ip link

ip netns exec testns1 ip addr add 192.168.20.102/24 dev s1
ip netns exec testns1 ip link set dev s1 up
ip netns exec testns1 ip link set dev lo up
ip netns exec testns1 ip addr show dev s1
ip addr add 192.168.20.101/24 dev m1
ip link set dev m1 up
ip addr show dev m1
ip netns exec testns1 ip route add default via 192.168.20.101 dev s1
ip netns exec testns2 ip addr add 192.168.10.102/24 dev s2
ip netns exec testns2 ip link set dev s2 up
ip netns exec testns2 ip link set dev lo up
ip netns exec testns2 ip addr show dev s2
ip addr add 192.168.10.101/24 dev m2
ip link set dev m2 up
ip addr show dev m2
ip netns exec testns2 ip route add default via 192.168.10.101 dev s2

# The first matrix: testns1 cannot reach testns2 through the host, which does not forward.
ip netns exec testns1 ping -c1 -W1 192.168.20.101
ip netns exec testns1 ping -c1 -W1 192.168.20.102
ip netns exec testns1 ping -c1 -W1 192.168.10.101
! ip netns exec testns1 ping -c1 -W1 192.168.10.102
ping -c1 -W1 192.168.20.101
ping -c1 -W1 192.168.20.102
ping -c1 -W1 192.168.10.101
ping -c1 -W1 192.168.10.102
ip route
ip netns exec testns1 ip route

# The tutorial's typo fails as sysctl fails; the real key turns forwarding on.
! sysctl -w net.ipv4.i_forward=1
sysctl -w net.ipv4.ip_forward=1

# The second matrix: everything answers.
ip netns exec testns1 ping -c1 -W1 192.168.20.101
ip netns exec testns1 ping -c1 -W1 192.168.20.102
ip netns exec testns1 ping -c1 -W1 192.168.10.101
ip netns exec testns1 ping -c1 -W1 192.168.10.102
ping -c1 -W1 192.168.20.101
ping -c1 -W1 192.168.20.102
ping -c1 -W1 192.168.10.101
ping -c1 -W1 192.168.10.102
ip netns exec testns1 ip route get 192.168.10.102
ip -j route get 192.168.10.102
ip route show table local
