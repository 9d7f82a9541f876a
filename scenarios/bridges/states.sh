# What follows a bridge's ports (A16): its MAC (the lowest port MAC, until set by hand), its MTU
# (the lowest port MTU, until set by hand); the link-local address made from the MAC it had when
# it first got carrier; ports that leave by moving away or being deleted.
ip link add br0 type bridge
ip link set br0 up
ip link add v1 address 02:00:00:00:00:21 type veth peer name p1 address 02:00:00:00:00:12
ip link add v2 address 02:00:00:00:00:22 type veth peer name p2 address 02:00:00:00:00:11
# let DAD finish: a ping that nobody answers waits its 2 s
ip netns add w
ip -n w link set lo up
ip netns exec w sysctl -q -w net.ipv4.icmp_echo_ignore_all=1
! ip netns exec w ping -c1 -W2 127.0.0.1
ip addr show br0
ip link set p1 master br0
ip addr show br0
ip -6 route show dev br0
ip link set p1 mtu 1400
ip link set p2 master br0
ip link show br0
ip link set p1 mtu 1450
ip link show br0
ip link set br0 mtu 1300
ip link set p1 mtu 1500
ip link show br0
ip link set p2 address 02:00:00:00:00:41
ip link show br0
ip link set p2 address 02:00:00:00:00:01
ip link show br0
ip link set br0 address 02:00:00:00:00:99
ip link set p2 nomaster
ip link set p2 master br0
ip link show br0
! ip link set br0 netns w
ip link set p1 netns w
ip -n w link show p1
ip link show master br0
ip link del v2
ip link show master br0
ip link show br0
ip link del br0
! ip link del br0
! ip link show br0
