# h1 - r - h2: forwarding per ingress device, silent drops, TTL, ARP failures (C1-C6).
ip netns add h1
ip netns add r
ip netns add h2
ip -n r link add r1 type veth peer name h1e netns h1
ip -n r link add r2 type veth peer name h2e netns h2
ip -n r addr add 10.0.1.1/24 dev r1
ip -n h1 addr add 10.0.1.2/24 dev h1e
ip -n r addr add 10.0.2.1/24 dev r2
ip -n h2 addr add 10.0.2.2/24 dev h2e
ip -n r link set r1 up
ip -n r link set r2 up
ip -n r link set lo up
ip -n h1 link set h1e up
ip -n h1 link set lo up
ip -n h2 link set h2e up
ip -n h2 link set lo up
ip -n h1 route add default via 10.0.1.1
ip -n h2 route add default via 10.0.2.1

# Forwarding off: the router drops silently; its own addresses answer on any interface.
! ip netns exec h1 ping -c1 -W1 10.0.2.2
ip netns exec h1 ping -c1 -W1 10.0.2.1
ip netns exec r sysctl net.ipv4.ip_forward net.ipv4.conf.r1.forwarding

# ip_forward is conf.all.forwarding: it rewrites default and every device.
ip netns exec r sysctl -w net.ipv4.ip_forward=5
ip netns exec r sysctl net.ipv4.conf.r1.forwarding net.ipv4.conf.default.forwarding net.ipv4.conf.all.accept_redirects
ip netns exec h1 ping -c1 -W1 10.0.2.2
ip netns exec r ip route get 10.0.2.2 from 10.0.1.2 iif r1
ip netns exec r ip -j route get 10.0.2.2 from 10.0.1.2 iif r1

# Only the ingress device's flag counts.
ip netns exec r sysctl -w net.ipv4.ip_forward=0
ip netns exec r sysctl -w net.ipv4.conf.r1.forwarding=1 net.ipv4.conf.r2.forwarding=1
ip netns exec h1 ping -c1 -W1 10.0.2.2
ip netns exec r sysctl -w net.ipv4.conf.r2.forwarding=0
! ip netns exec h1 ping -c1 -W1 10.0.2.2
! ip netns exec r ip route get 10.0.2.2 from 10.0.1.2 iif r2
ip netns exec r sysctl -w net.ipv4.conf.r2.forwarding=1

# The reply's TTL shows the hop; TTL 1 dies at the router.
ip netns exec h1 ping -c1 -W1 10.0.2.2
! ip netns exec h1 ping -c1 -W1 -t1 10.0.2.2

# Nobody answers ARP: no error within -W1, host unreachable from the sender after 3 s.
! ip netns exec h1 ping -c1 -W1 10.0.1.99
! ip netns exec h1 ping -c1 -W4 10.0.1.99
! ip netns exec h1 ping -c1 -W4 10.0.2.99
ip -n h1 neigh show 10.0.1.99
ip -n h1 neigh show 10.0.1.1
