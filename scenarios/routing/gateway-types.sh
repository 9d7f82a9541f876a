# A gateway's type is what the local table says of it, whichever device its route is on: a
# local address of another device, or a broadcast, or a multicast group, is no gateway even
# onlink (inet_addr_type_dev_table); 0.1.2.3 is (0.0.0.0/8 is unicast since Linux 5.3).
ip link add d0 type veth peer name p0
ip link add d1 type veth peer name p1
ip addr add 10.0.0.1/24 dev d0
ip addr add 10.1.0.1/24 dev d1
ip link set d0 up
ip link set d1 up
ip route add 192.168.5.0/24 via 10.0.0.1 dev d0
! ip route add 192.168.6.0/24 via 10.1.0.1 dev d0 onlink
! ip route add 192.168.7.0/24 via 10.0.0.255 dev d0
! ip route add 192.168.8.0/24 via 10.1.0.255 dev d0 onlink
ip route add 192.168.9.0/24 via 0.1.2.3 dev d0 onlink
! ip route add 192.168.10.0/24 via 224.0.0.5 dev d0 onlink
ip route
