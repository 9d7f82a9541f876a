# A routing loop ends in "Time to live exceeded" (C4): r1 and r2 each send what they do not
# know to the other. The router that gets the packet with TTL 1 answers, from its address
# towards the sender.
ip netns add h
ip netns add r1
ip netns add r2
ip -n h link add eth0 type veth peer name lan netns r1
ip -n r1 link add r12 type veth peer name r21 netns r2
ip -n h addr add 10.0.1.2/24 dev eth0
ip -n r1 addr add 10.0.1.1/24 dev lan
ip -n r1 addr add 10.0.12.1/30 dev r12
ip -n r2 addr add 10.0.12.2/30 dev r21
ip -n h link set eth0 up
ip -n r1 link set lan up
ip -n r1 link set r12 up
ip -n r2 link set r21 up
ip -n r1 link set lo up
ip -n r2 link set lo up
ip -n h route add default via 10.0.1.1
ip -n r1 route add default via 10.0.12.2
ip -n r2 route add default via 10.0.12.1
ip netns exec r1 sysctl -q -w net.ipv4.ip_forward=1
ip netns exec r2 sysctl -q -w net.ipv4.ip_forward=1

ip netns exec h ping -c1 -W1 10.0.12.2
ip -n r1 route get 10.99.0.1 from 10.0.1.2 iif lan
ip -n r2 route get 10.99.0.1 from 10.0.1.2 iif r21
ip -n r2 -j route get 10.99.0.1 from 10.0.1.2 iif r21
# TTL 64: r1 sees the even TTLs and r2 the odd ones, so r2 sees TTL 1.
! ip netns exec h ping -c1 -W1 10.99.0.1
! ip netns exec h ping -c1 -W1 -t 1 10.99.0.1
! ip netns exec h ping -c1 -W1 -t 2 10.99.0.1
! ip netns exec h ping -c1 -W1 -t 7 10.99.0.1
! ip netns exec h ping -c1 -W1 -t 10 -q 10.99.0.1

# With a route for the prefix the loop is gone, and an unreachable route answers instead.
ip -n r2 route add unreachable 10.99.0.0/16
! ip netns exec h ping -c1 -W1 10.99.0.1
! ip -n r2 route get 10.99.0.1 from 10.0.1.2 iif r21
