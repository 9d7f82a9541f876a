# The sysctls that decide reachability, beyond forwarding and rp_filter: icmp_echo_ignore_all,
# accept_local, route_localnet, arp_announce with arp_ignore. h - r - s, r routing.
ip netns add h
ip netns add r
ip netns add s
ip -n h link add eth0 address 02:00:00:00:00:02 type veth peer name r1 netns r address 02:00:00:00:00:01
ip -n s link add eth0 address 02:00:00:00:01:02 type veth peer name r2 netns r address 02:00:00:00:01:01
ip -n h addr add 10.0.1.2/24 dev eth0
ip -n r addr add 10.0.1.1/24 dev r1
ip -n r addr add 10.0.2.1/24 dev r2
ip -n s addr add 10.0.2.2/24 dev eth0
ip -n h link set eth0 up
ip -n r link set r1 up
ip -n r link set r2 up
ip -n s link set eth0 up
ip -n h link set lo up
ip -n r link set lo up
ip -n s link set lo up
ip -n h route add default via 10.0.1.1
ip -n s route add default via 10.0.2.1
ip netns exec r sysctl -q -w net.ipv4.ip_forward=1
ip netns exec h ping -c1 -W1 10.0.2.2

# icmp_echo_ignore_all: s stops answering echo requests, and still gets its own replies.
ip netns exec s sysctl -w net.ipv4.icmp_echo_ignore_all=1
! ip netns exec h ping -c1 -W1 10.0.2.2
! ip netns exec s ping -c1 -W1 10.0.2.2
ip netns exec s ping -c1 -W1 10.0.1.2
ip netns exec s sysctl -w net.ipv4.icmp_echo_ignore_all=0
ip netns exec s sysctl net.ipv4.icmp_echo_ignore_broadcasts

# accept_local: a packet that arrives with one of our own addresses as its source is a martian.
ip -n s addr add 10.0.1.2/32 dev lo
! ip -n s route get 10.0.2.2 from 10.0.1.2 iif eth0
! ip netns exec h ping -c1 -W1 10.0.2.2
ip netns exec s sysctl -w net.ipv4.conf.eth0.accept_local=1
ip -n s route get 10.0.2.2 from 10.0.1.2 iif eth0
ip netns exec s sysctl -w net.ipv4.conf.eth0.accept_local=0 net.ipv4.conf.all.accept_local=1
ip -n s route get 10.0.2.2 from 10.0.1.2 iif eth0
ip netns exec s sysctl -w net.ipv4.conf.all.accept_local=0
ip -n s addr del 10.0.1.2/32 dev lo

# route_localnet: 127/8 is a martian destination on any device but lo, unless allowed.
! ip -n r route get 127.0.0.1 from 10.0.1.2 iif r1
ip netns exec r sysctl -w net.ipv4.conf.r1.route_localnet=1
ip -n r route get 127.0.0.1 from 10.0.1.2 iif r1
! ip -n r route get 127.0.0.1 from 10.0.2.2 iif r2
ip netns exec r sysctl -w net.ipv4.conf.all.route_localnet=1
ip -n r route get 127.0.0.1 from 10.0.2.2 iif r2
ip netns exec r sysctl -w net.ipv4.conf.all.route_localnet=0 net.ipv4.conf.r1.route_localnet=0

# arp_announce picks the source address of h's ARP requests; with arp_ignore=2, r answers only
# requests from a source in the subnet of the asked address.
ip -n h addr add 192.0.2.5/32 dev lo
ip -n r route add 192.0.2.5 via 10.0.1.2
ip netns exec h ping -c1 -W1 -I 192.0.2.5 10.0.1.1
ip -n r neigh show 192.0.2.5
ip -n r neigh show 10.0.1.2
ip -n h neigh flush dev eth0
ip -n r neigh flush dev r1
ip netns exec r sysctl -w net.ipv4.conf.r1.arp_ignore=2
! ip netns exec h ping -c1 -W4 -I 192.0.2.5 10.0.1.1
ip -n h neigh show 10.0.1.1
ip netns exec h sysctl -w net.ipv4.conf.eth0.arp_announce=2
ip -n h neigh flush dev eth0
ip netns exec h ping -c1 -W1 -I 192.0.2.5 10.0.1.1
ip -n r neigh show 10.0.1.2
ip -n r neigh show 192.0.2.5
ip netns exec h sysctl net.ipv4.conf.all.arp_announce net.ipv4.conf.eth0.arp_announce
