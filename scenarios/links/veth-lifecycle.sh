# Namespaces and veth devices: numbering, peers across namespaces, carrier, moves, deletion.
# (kernel-behaviours A1-A15)
ip netns add a
ip -n a link
ip -n a -j link
ip -n a link set lo up
ip -n a addr

# The peer registers first, and indexes are never reused.
ip link add v0 type veth peer name v1
ip link show v1
ip link del v0
ip link add v0 type veth peer name v1
ip -br link
ip link add p0 type veth peer name p1 netns a
ip link show p0
ip -n a link show p1
ip -n a -j link show p1

# Carrier: own end up with the peer down, then both up.
ip link set v0 up
ip link show v0
ip -j link show v0
ip link set v1 up
ip link show v0
ip link set v1 down
ip link show v1
ip link show v0

# Moving a device: it arrives down, without addresses, and keeps its index if it can.
ip addr add 192.0.2.1/24 dev v0
ip link set v0 netns a
ip -n a link show v0
ip -n a addr show v0
ip link show v1
ip -n a link add name v1 type veth peer name v1p
! ip link set v1 netns a
ip -n a link del v1
! ip link set lo netns a
! ip link set v1 netns nosuch
ip link set v1 netns a name v1b
ip -n a -br link

# Deleting either end deletes both; deleting a namespace deletes its veths and their peers.
ip -n a link del v1b
ip -n a -br link
ip link add w0 type veth peer name w1 netns a
ip netns del a
# the kernel dismantles a deleted namespace a little later (cleanup_net, in a workqueue): wait
# a second the same way on both sides, with a ping that nobody answers
ip netns add wait
ip -n wait link set lo up
ip netns exec wait sysctl -q -w net.ipv4.icmp_echo_ignore_all=1
! ip netns exec wait ping -c1 -W1 127.0.0.1
! ip link show w0
ip -br link
