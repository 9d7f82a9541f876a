# proxy_arp (C8): hosts that think a wider subnet is on-link reach beyond the router when it
# answers ARP for addresses it routes out of another device. h1 has 10.0.1.2/16 and h2
# 10.0.2.2/16, each on its own link to r, which has 10.0.1.1/24 and 10.0.2.1/24.
ip netns add h1
ip netns add r
ip netns add h2
ip -n r link add r1 address 02:00:00:00:01:01 type veth peer name eth0 netns h1
ip -n r link add r2 address 02:00:00:00:02:01 type veth peer name eth0 netns h2
ip -n r addr add 10.0.1.1/24 dev r1
ip -n r addr add 10.0.2.1/24 dev r2
ip -n h1 addr add 10.0.1.2/16 dev eth0
ip -n h2 addr add 10.0.2.2/16 dev eth0
ip -n r link set r1 up
ip -n r link set r2 up
ip -n r link set lo up
ip -n h1 link set eth0 up
ip -n h2 link set eth0 up
ip -n h1 route

# Nobody answers ARP for 10.0.2.2 on h1's link.
! ip netns exec h1 ping -c1 -W4 10.0.2.2
ip -n h1 neigh show 10.0.2.2

# proxy_arp on r1 alone is not enough: r1 must forward.
ip netns exec r sysctl -w net.ipv4.conf.r1.proxy_arp=1
! ip netns exec h1 ping -c1 -W4 10.0.2.2
ip -n h1 neigh show 10.0.2.2
ip netns exec r sysctl -w net.ipv4.ip_forward=1
# Now r1 answers with its own MAC (after up to 0.8 s of proxy_delay); h2 answers the echo, but
# h2's own ARP for 10.0.1.2 goes unanswered: r2 has no proxy_arp.
! ip netns exec h1 ping -c1 -W4 10.0.2.2
ip -n h1 neigh show 10.0.2.2
ip -n h2 neigh show 10.0.1.2
# proxy_arp is all OR dev: turning it on in all covers r2.
ip netns exec r sysctl -w net.ipv4.conf.all.proxy_arp=1
ip -n h2 neigh flush dev eth0
ip netns exec h1 ping -c1 -W2 10.0.2.2
ip netns exec h1 ping -c1 -W1 10.0.2.2
ip -n h1 neigh show 10.0.2.2
ip -n h2 neigh show 10.0.1.2
ip netns exec r sysctl net.ipv4.conf.r1.proxy_arp net.ipv4.conf.r2.proxy_arp

# r does not answer for an address it would route back out of the asking device.
ip -n h1 neigh flush dev eth0
! ip netns exec h1 ping -c1 -W4 10.0.1.77
ip -n h1 neigh show 10.0.1.77
# nor for one it has no route to.
! ip netns exec h1 ping -c1 -W4 10.0.3.3
ip -n h1 neigh show 10.0.3.3

# With forwarding off on the asking device only, the answer stops again (IN_DEV_FORWARD).
ip netns exec r sysctl -w net.ipv4.conf.r1.forwarding=0
ip -n h1 neigh flush dev eth0
! ip netns exec h1 ping -c1 -W4 10.0.2.2
ip -n h1 neigh show 10.0.2.2
