# Found by the differential fuzzer (seed 1, try 2; shrunk from 73 lines to the first 5 below):
# `ip link add NAME index N type veth ...` was parsed but the index ignored, so the peer showed
# `@if2` where the kernel shows `@if100`. The kernel gives the device the index asked for
# without moving the namespace's counter; the peer gets its own `index` only when the device
# asks for one too; an index in use is EEXIST in the caller's namespace (rtnl_newlink finds
# the device) and EBUSY elsewhere (dev_index_reserve).
ip netns add n0
ip netns add n1
ip -n n1 link add eth0 index 100 type veth peer name eth0 netns n0
ip -n n0 addr add 10.0.1.1/24 dev eth0
ip -n n0 -br -4 addr

ip netns add b
ip link add x0 index 5 type veth peer name x1
! ip link add y0 index 5 type veth peer name y1
ip link add y0 type veth peer name y1 index 5
ip link add z0 index 7 type veth peer name z1 index 7 netns b
ip link add w0 type veth peer name w1
! ip link add t0 index 2 type veth peer name t1
! ip link add s0 index 9 type veth peer name s1 index 9
ip link add br0 index 20 type bridge
! ip link add br1 index 20 type bridge
ip -o link
ip -n b -o link
