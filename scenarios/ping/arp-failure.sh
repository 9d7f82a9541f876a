# Packets queued behind an ARP resolution that fails all get "Destination Host Unreachable"
# from our own address, 3 s after the resolution started; the error comes back through lo,
# so with lo down nothing is reported (C6). The second ping uses -i1.3 so that no send
# coincides with the 3 s failure (-i1 raced it: 3 or 4 packets in the pipe under load).
ip netns add h1
ip netns add r
ip -n r link add r1 type veth peer name h1e netns h1
ip -n r addr add 10.0.1.1/24 dev r1
ip -n h1 addr add 10.0.1.2/24 dev h1e
ip -n r link set r1 up
ip -n h1 link set h1e up
! ip netns exec h1 ping -c3 -i1 10.0.1.99
ip -n h1 neigh show 10.0.1.99
ip -n h1 link set lo up
! ip netns exec h1 ping -c6 -i1.3 10.0.1.99
ip -n h1 neigh show 10.0.1.99
