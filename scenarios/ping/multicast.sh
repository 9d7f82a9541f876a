# Multicast to the all-hosts group 224.0.0.1, which every up device has joined: the route says
# <local,mc>; a frame to 01:00:5e:00:00:01 with no ARP; a receiver takes a group it has joined
# (and answers only with icmp_echo_ignore_broadcasts=0), refuses any other (Invalid argument in
# ip route get); the sender gets a looped-back copy (ip_mc_output), counted by its INPUT chain,
# and answers it itself when it answers broadcasts; a multicast ping marks no duplicate.
ip netns add a
ip netns add b
ip -n a link set lo up
ip -n b link set lo up
ip -n a link add eth0 type veth peer name eth0 netns b
ip -n a addr add 10.0.0.1/24 dev eth0
ip -n b addr add 10.0.0.2/24 dev eth0
ip -n a link set eth0 up
ip -n b link set eth0 up
ip netns exec a iptables -A INPUT -p icmp
ip netns exec a iptables -A OUTPUT -p icmp
ip netns exec b iptables -A INPUT -p icmp
! ip netns exec a ping -c1 -W2 -I eth0 224.0.0.1
! ip netns exec a ping -c1 -W2 -I eth0 224.0.0.5
ip netns exec b sysctl -w net.ipv4.icmp_echo_ignore_broadcasts=0
ip netns exec a ping -c1 -W2 -I eth0 224.0.0.1
! ip netns exec a ping -c1 -W2 -I eth0 239.1.2.3
ip netns exec a iptables -S -v
ip netns exec b iptables -S -v
ip -n a route add 224.0.0.0/4 dev eth0
ip netns exec a sysctl -w net.ipv4.icmp_echo_ignore_broadcasts=0
ip netns exec a ping -c2 -i0.3 -W2 224.0.0.1
ip netns exec a iptables -S -v
ip -n b link set eth0 down
! ip -n b route get 224.0.0.1 from 10.0.0.1 iif eth0
ip -n b route get 224.0.0.1 from 0.0.0.0 iif lo
ip -n b link set eth0 up
ip -n b route get 224.0.0.1 from 0.0.0.0 iif eth0
! ip -n b route get 224.0.0.1 from 127.0.0.1 iif eth0
! ip -n b route get 224.0.0.1 from 10.0.0.2 iif eth0
ip -n b route get 224.0.0.1 from 10.0.0.1 iif eth0 mark 3
ip -n b -j route get 224.0.0.1 from 10.0.0.1 iif eth0
