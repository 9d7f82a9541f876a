# arp_ignore, proxy_arp and rp_filter (C7, C8, C9).
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
ip -n h1 link set h1e up
ip -n h2 link set h2e up
ip -n h1 route add default via 10.0.1.1
ip -n h2 route add default via 10.0.2.1
ip netns exec r sysctl -q -w net.ipv4.ip_forward=1

# arp_ignore=0 answers for r2's address on r1; 1 does not.
ip -n h1 route add 10.0.2.1/32 dev h1e
ip netns exec h1 ping -c1 -W1 10.0.2.1
ip -n h1 neigh flush dev h1e
ip netns exec r sysctl -w net.ipv4.conf.r1.arp_ignore=1
! ip netns exec h1 ping -c1 -W4 10.0.2.1
ip -n h1 neigh show 10.0.2.1
ip netns exec r sysctl -w net.ipv4.conf.r1.arp_ignore=0
ip -n h1 route del 10.0.2.1/32 dev h1e

# proxy_arp: an on-link route to a remote subnet works only when r answers for it.
ip -n h1 route add 10.0.2.0/24 dev h1e
! ip netns exec h1 ping -c1 -W4 10.0.2.2
ip netns exec r sysctl -w net.ipv4.conf.r1.proxy_arp=1
ip netns exec h1 ping -c1 -W2 10.0.2.2
ip -n h1 route del 10.0.2.0/24 dev h1e
