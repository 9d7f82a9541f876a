# Rule actions and route types through policy routing (B9, B13): what ping and ip route get say
# for each, on the host itself and through a router; throw falls through to the next rule;
# tables by number and by name; route attributes metric, onlink, src, scope.
ip netns add h
ip netns add r
ip netns add s
ip -n h link add eth0 type veth peer name r1 netns r
ip -n s link add eth0 type veth peer name r2 netns r
ip -n h addr add 10.0.1.2/24 dev eth0
ip -n r addr add 10.0.1.1/24 dev r1
ip -n r addr add 10.0.2.1/24 dev r2
ip -n s addr add 10.0.2.2/24 dev eth0
ip -n s addr add 10.0.3.2/24 dev eth0
ip -n h link set eth0 up
ip -n r link set r1 up
ip -n r link set r2 up
ip -n s link set eth0 up
ip -n r link set lo up
ip -n s link set lo up
ip -n h route add default via 10.0.1.1
ip -n s route add default via 10.0.2.1
ip netns exec r sysctl -q -w net.ipv4.ip_forward=1

# Rule actions on r, for traffic r forwards and for r's own.
ip -n r rule add to 10.0.3.10 unreachable pref 10
ip -n r rule add to 10.0.3.11 prohibit pref 11
ip -n r rule add to 10.0.3.12 blackhole pref 12
ip -n r route add 10.0.3.0/24 via 10.0.2.2
ip -n r rule
ip -n r -j rule
! ip netns exec h ping -c1 -W1 10.0.3.10
! ip netns exec h ping -c1 -W1 10.0.3.11
! ip netns exec h ping -c1 -W1 10.0.3.12
ip netns exec h ping -c1 -W1 10.0.3.2
! ip netns exec r ping -c1 -W1 10.0.3.10
! ip netns exec r ping -c1 -W1 10.0.3.11
! ip netns exec r ping -c1 -W1 10.0.3.12
! ip -n r route get 10.0.3.10
! ip -n r route get 10.0.3.11
! ip -n r route get 10.0.3.12
! ip -n r route get 10.0.3.10 from 10.0.1.2 iif r1
! ip -n r route get 10.0.3.11 from 10.0.1.2 iif r1
! ip -n r route get 10.0.3.12 from 10.0.1.2 iif r1

# throw in table 50 goes on to the next rule; a table that has no match does too.
ip -n r route add throw 10.0.3.0/25 table 50
ip -n r route add blackhole 10.0.3.128/25 table 50
ip -n r rule add from 10.0.1.0/24 lookup 50 pref 100
ip -n r route show table 50
ip netns exec h ping -c1 -W1 10.0.3.2
! ip netns exec h ping -c1 -W1 10.0.3.200
ip -n r route get 10.0.3.2 from 10.0.1.2 iif r1
! ip -n r route get 10.0.3.200 from 10.0.1.2 iif r1
ip -n r route get 10.0.2.2 from 10.0.1.2 iif r1
ip -n r rule del pref 100

# Tables by name and number: main, local, default, and large ids.
ip -n r route add 10.0.4.0/24 via 10.0.2.2 table default
ip -n r route show table default
ip -n r route show table 253
ip -n r route get 10.0.4.1
ip -n r rule add to 10.0.5.0/24 lookup 4294967000 pref 20
ip -n r route add 10.0.5.0/24 via 10.0.2.2 table 4294967000
ip -n r route show table 4294967000
ip -n r route get 10.0.5.1
ip -n r rule add to 10.0.6.0/24 table main pref 21
ip -n r rule add to 10.0.6.0/24 table local pref 22
ip -n r rule
! ip -n r rule add to 10.0.6.0/24 table nosuch
! ip -n r route add 10.0.6.0/24 via 10.0.2.2 table nosuch

# Route attributes: metric (lowest wins), onlink (a gateway off the subnet), src, scope.
ip -n r route add 10.0.7.0/24 via 10.0.2.2 metric 200
ip -n r route add 10.0.7.0/24 via 10.0.1.2 metric 100
ip -n r route show 10.0.7.0/24
ip -n r route get 10.0.7.1
ip -n r route del 10.0.7.0/24
ip -n r route show 10.0.7.0/24
ip -n r -j route show 10.0.7.0/24
! ip -n r route add 10.0.8.0/24 via 10.0.9.2 dev r2
ip -n r route add 10.0.8.0/24 via 10.0.9.2 dev r2 onlink
ip -n r route show 10.0.8.0/24
ip -n r -j route show 10.0.8.0/24
ip -n r route get 10.0.8.1
ip -n r route add 10.0.10.0/24 via 10.0.2.2 src 10.0.1.1
ip -n r route get 10.0.10.1
ip -n r -j route get 10.0.10.1
ip -n r route add 10.0.11.0/24 dev r2 scope link
ip -n r route add 10.0.12.0/24 dev r2 scope host
ip -n r route add 10.0.13.0/24 dev r2 scope global
ip -n r route show dev r2
ip -n r route get 10.0.11.1
ip -n r route get 10.0.12.1
ip -n r route get 10.0.13.1
! ip -n r route add 10.0.14.0/24 via 10.0.2.2 scope host

# A local route for a whole prefix (AnyIP): every address in it is this host's, for itself and
# for others that route to it.
ip -n s route add local 198.51.100.0/24 dev lo
ip -n s route show table local type local
ip -n s route get 198.51.100.77
ip netns exec s ping -c1 -W1 198.51.100.77
ip -n r route add 198.51.100.0/24 via 10.0.2.2
ip netns exec h ping -c1 -W1 198.51.100.200
! ip netns exec h ping -c1 -W1 -t 1 198.51.100.200
