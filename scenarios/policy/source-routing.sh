# Policy routing by source over two uplinks. h has two ISPs; each ISP only accepts its own
# customer addresses (rp_filter=1 towards h), and both reach the server 192.0.2.1. A client c
# sits on h's LAN, 10.9.0.0/24, which only ISP2 routes. Rules pick the uplink by source address,
# by incoming interface and by firewall mark.
ip netns add h
ip netns add isp1
ip netns add isp2
ip netns add srv
ip netns add c
ip -n h link add up1 type veth peer name dl netns isp1
ip -n h link add up2 type veth peer name dl netns isp2
ip -n h link add lan type veth peer name eth0 netns c
ip -n srv link add e1 type veth peer name core netns isp1
ip -n srv link add e2 type veth peer name core netns isp2
ip -n h addr add 198.51.100.2/24 dev up1
ip -n h addr add 203.0.113.2/24 dev up2
ip -n h addr add 10.9.0.1/24 dev lan
ip -n c addr add 10.9.0.2/24 dev eth0
ip -n isp1 addr add 198.51.100.1/24 dev dl
ip -n isp2 addr add 203.0.113.1/24 dev dl
ip -n isp1 addr add 10.1.0.1/24 dev core
ip -n isp2 addr add 10.2.0.1/24 dev core
ip -n srv addr add 10.1.0.2/24 dev e1
ip -n srv addr add 10.2.0.2/24 dev e2
ip -n srv addr add 192.0.2.1/32 dev lo
ip -n h link set up1 up
ip -n h link set up2 up
ip -n h link set lan up
ip -n c link set eth0 up
ip -n isp1 link set dl up
ip -n isp2 link set dl up
ip -n isp1 link set core up
ip -n isp2 link set core up
ip -n srv link set e1 up
ip -n srv link set e2 up
ip -n h link set lo up
ip -n c link set lo up
ip -n isp1 link set lo up
ip -n isp2 link set lo up
ip -n srv link set lo up
ip netns exec h sysctl -q -w net.ipv4.ip_forward=1
ip netns exec isp1 sysctl -q -w net.ipv4.ip_forward=1
ip netns exec isp2 sysctl -q -w net.ipv4.ip_forward=1
ip netns exec isp1 sysctl -q -w net.ipv4.conf.dl.rp_filter=1
ip netns exec isp2 sysctl -q -w net.ipv4.conf.dl.rp_filter=1
ip -n isp1 route add 192.0.2.1 via 10.1.0.2
ip -n isp2 route add 192.0.2.1 via 10.2.0.2
ip -n isp2 route add 10.9.0.0/24 via 203.0.113.2
ip -n srv route add 198.51.100.0/24 via 10.1.0.1
ip -n srv route add 203.0.113.0/24 via 10.2.0.1
ip -n srv route add 10.9.0.0/24 via 10.2.0.1
ip -n c route add default via 10.9.0.1
ip -n h route add default via 198.51.100.1

# Only the main table: everything leaves by up1, and ISP1 drops what is not its customer's.
ip netns exec h ping -c1 -W1 192.0.2.1
! ip netns exec h ping -c1 -W1 -I 203.0.113.2 192.0.2.1
! ip netns exec c ping -c1 -W1 192.0.2.1
ip -n h route get 192.0.2.1 from 203.0.113.2
ip -n h route get 192.0.2.1 from 10.9.0.2 iif lan

# Table 200 is the second uplink; rules send sources and the LAN there.
ip -n h route add default via 203.0.113.1 table 200
ip -n h route add 203.0.113.0/24 dev up2 src 203.0.113.2 table 200
ip -n h route show table 200
ip -n h rule add from 203.0.113.2 table 200
ip -n h rule add iif lan lookup 200 priority 200
ip -n h rule add fwmark 0x2 table 200 pref 300
ip -n h rule
ip -n h -j rule
ip -n h route get 192.0.2.1 from 203.0.113.2
ip -n h -j route get 192.0.2.1 from 203.0.113.2
ip netns exec h ping -c1 -W1 -I 203.0.113.2 192.0.2.1
ip -n h route get 192.0.2.1 from 10.9.0.2 iif lan
ip -n h -j route get 192.0.2.1 from 10.9.0.2 iif lan
ip netns exec c ping -c1 -W1 192.0.2.1
ip -n h route get 192.0.2.1 mark 2
ip -n h route get 192.0.2.1 mark 0x3
ip -n h -j route get 192.0.2.1 mark 2
ip -n h route get 192.0.2.1 oif up2
ip -n h route get 192.0.2.1 from 203.0.113.2 oif up1
ip -n h route get 10.9.0.2 from 192.0.2.1 iif up2
ip -n h route get 198.51.100.1
ip netns exec h ping -c1 -W1 192.0.2.1
# Bound to up2, the lookup has oif up2: the rule for 203.0.113.2 does not apply yet (no source),
# main's default leaves by up1, so the kernel takes 192.0.2.1 to be on-link on up2.
! ip netns exec h ping -c1 -W1 -I up2 192.0.2.1

# Deleting rules: by selector, by priority; the defaults can go too.
ip -n h rule del from 203.0.113.2 table 200
! ip -n h rule del from 203.0.113.2 table 200
ip -n h rule del pref 300
ip -n h rule
! ip netns exec h ping -c1 -W1 -I 203.0.113.2 192.0.2.1
ip -n h rule del pref 32766
! ip -n h route get 192.0.2.1
ip -n h route get 10.9.0.2 from 192.0.2.1 iif lan
ip -n h route get 198.51.100.2
ip -n h rule add from all lookup main pref 32766
ip -n h rule
ip -n h route get 192.0.2.1
