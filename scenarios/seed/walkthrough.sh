# The seed walkthrough (shared/seed/000_745cf065ecbbf93e.txt), in the scenario language:
# two namespaces behind the host, each on a veth pair; pings before and after IP forwarding;
# masquerading; then a user namespace in which root is mapped.
# Left out, as outside the language: `ethtool -S m1`, `curl`, `cat /proc/1/uid_map`.

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

# Addresses, links up, default routes through the host.
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

# Without forwarding, testns1 reaches every address of the host, but not testns2.
ip netns exec testns1 ping -c1 -W1 192.168.20.101
ip netns exec testns1 ping -c1 -W1 192.168.20.102
ip netns exec testns1 ping -c1 -W1 192.168.10.101
! ip netns exec testns1 ping -c1 -W1 192.168.10.102
ping -c1 -W1 192.168.20.101
ping -c1 -W1 192.168.20.102
ping -c1 -W1 192.168.10.101
ping -c1 -W1 192.168.10.102
ip route

# With forwarding, it does.
sysctl -w net.ipv4.ip_forward=1
ip netns exec testns1 ping -c1 -W1 192.168.10.102

# Masquerading what comes from testns1.
iptables --table nat --append POSTROUTING --source 192.168.20.102/24 --jump MASQUERADE
iptables --table nat --list

# A user namespace: root inside is the invoking user outside.
unshare -U -r id
unshare -U -r touch hoge
stat -c '%U %G' hoge
unshare -U -r stat -c '%U %G' hoge
unshare -U -r cat /proc/self/uid_map
cat /proc/self/uid_map
cat /proc/self/gid_map
