# Overlapping subnets on two interfaces: h has 10.0.0.1/24 on e1 (towards a, 10.0.0.2) and
# 10.0.0.254/24 on e2 (towards b, 10.0.0.3). Both prefix routes exist; the first one wins.
ip netns add h
ip netns add a
ip netns add b
ip -n h link add e1 type veth peer name eth0 netns a
ip -n h link add e2 type veth peer name eth0 netns b
ip -n h addr add 10.0.0.1/24 dev e1
ip -n h addr add 10.0.0.254/24 dev e2
ip -n a addr add 10.0.0.2/24 dev eth0
ip -n b addr add 10.0.0.3/24 dev eth0
ip -n h link set e1 up
ip -n h link set e2 up
ip -n h link set lo up
ip -n a link set eth0 up
ip -n b link set eth0 up
ip -n a link set lo up
ip -n b link set lo up
ip -n h route
ip -n h route show table local
ip -n h route get 10.0.0.3
ip -n h route get 10.0.0.3 from 10.0.0.254
ip -n h route get 10.0.0.3 oif e2
ip -n h -j route get 10.0.0.3 oif e2

ip netns exec h ping -c1 -W1 10.0.0.2
! ip netns exec h ping -c1 -W4 10.0.0.3
ip netns exec h ping -c1 -W1 -I e2 10.0.0.3
! ip netns exec h ping -c1 -W4 -I 10.0.0.254 10.0.0.3
ip -n h neigh show dev e2
ip -n h neigh show 10.0.0.3 dev e1

# a, on e1's link, reaches both of h's addresses (weak host: h answers ARP for any of its
# addresses on any link). b's echo requests arrive too, but h's replies to 10.0.0.3 follow the
# first prefix route out of e1, where nobody answers ARP for 10.0.0.3.
ip netns exec a ping -c1 -W1 10.0.0.254
! ip netns exec b ping -c1 -W1 10.0.0.254
! ip netns exec b ping -c1 -W1 10.0.0.1
ip -n b neigh show 10.0.0.1
# arp_ignore=1 on e2: h answers there only for e2's own addresses.
ip netns exec h sysctl -w net.ipv4.conf.e2.arp_ignore=1
ip -n b neigh flush dev eth0
! ip netns exec b ping -c1 -W4 10.0.0.1
ip -n b neigh show 10.0.0.1

# A rule by source makes 10.0.0.254 reach the second link, replies to b included.
ip -n h route add 10.0.0.0/24 dev e2 src 10.0.0.254 table 10
ip -n h rule add from 10.0.0.254 table 10 pref 100
ip -n h route get 10.0.0.3 from 10.0.0.254
ip netns exec h ping -c1 -W1 -I 10.0.0.254 10.0.0.3
ip netns exec b ping -c1 -W1 10.0.0.254

# A static route with a higher metric than the kernel's (0) comes after it and does not win...
ip -n h route add 10.0.0.0/24 dev e2 metric 10
ip -n h route
ip -n h route get 10.0.0.3
ip -n h route del 10.0.0.0/24 dev e2 metric 10
# ...but without e1's prefix route, e2's comes first.
ip -n h route del 10.0.0.0/24 dev e1
ip -n h route
ip -n h route get 10.0.0.3
ip netns exec h ping -c1 -W1 10.0.0.3
! ip netns exec h ping -c1 -W4 10.0.0.2
ip -n h -j route get 10.0.0.2
# e1's address still answers locally; deleting it takes its local route.
ip -n h route get 10.0.0.1
ip -n h addr del 10.0.0.1/24 dev e1
ip -n h route get 10.0.0.1
ip -n h route show table local
