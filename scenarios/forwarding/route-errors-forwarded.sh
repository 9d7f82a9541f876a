# What a forwarding router answers for its reject routes, and the ICMP rate limits (B9, C5).
ip netns add h
ip netns add r
ip -n r link add rh type veth peer name hr netns h
ip -n r addr add 192.0.2.2/24 dev rh
ip -n h addr add 192.0.2.1/24 dev hr
ip -n r link set rh up
ip -n h link set hr up
ip -n h route add default via 192.0.2.2
ip netns exec r sysctl -q -w net.ipv4.ip_forward=1
ip -n r route add unreachable 10.2.0.0/16
ip -n r route add prohibit 10.3.0.0/16
ip -n r route add blackhole 10.4.0.0/16
ip -n r route add throw 10.5.0.0/16
! ip netns exec h ping -c1 -W1 10.2.0.1
! ip netns exec h ping -c1 -W1 10.3.0.1
! ip netns exec h ping -c1 -W1 10.4.0.1
! ip netns exec h ping -c1 -W1 10.5.0.1
! ip netns exec h ping -c1 -W1 10.6.0.1
! ip netns exec h ping -c6 -i0.2 -W1 10.2.0.1
