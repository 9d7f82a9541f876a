# ip route add, change and delete: accepted forms and the kernel's refusals (B6, B7, B8).
ip link add v0 type veth peer name v1
ip link set v0 up
ip link set v1 up
ip addr add 192.0.2.1/24 dev v0
! ip route add 198.51.100.0/24 via 203.0.113.1
! ip route add 198.51.100.0/24 via 192.0.2.255
ip route add 198.51.100.0/24 via 203.0.113.1 dev v0 onlink
! ip route add 198.51.100.0/24 via 192.0.2.2
! ip route add 198.51.100.0/24 dev nosuch
! ip route add 10.5.0.0/16
ip link add w0 type veth peer name w1
! ip route add 10.0.0.0/8 dev w0
! ip route add 10.0.0.0/8 via 192.0.2.2 dev w0 onlink
! ip route add 198.51.100.7/24 via 192.0.2.2
! ip route add 300.1.1.0/24 dev v0
! ip route add 10.4.0.0/16 via 192.0.2.2 src 10.9.9.9
ip route add 10.4.0.0/16 via 192.0.2.2 src 192.0.2.1
ip route add 10.8.0.0/16 dev lo
ip route add 10.7.0.0/16 via 192.0.2.1
ip route add 10.6.0.0/16 via 192.0.2.0
ip route
! ip route del 10.99.0.0/16
! ip route del 10.4.0.0/16 via 192.0.2.9
! ip route change 10.99.0.0/16 via 192.0.2.2
ip route del 10.4.0.0/16 via 192.0.2.2
ip route add 10.0.0.0/8 via 192.0.2.2 metric 100
ip route add 10.0.0.0/8 via 192.0.2.3 metric 50
ip route
ip route get 10.2.3.4
ip route del 10.0.0.0/8
ip route
ip route replace 10.0.0.0/8 via 192.0.2.4
ip route replace 10.0.0.0/8 via 192.0.2.5
ip route append 10.0.0.0/8 via 192.0.2.6
ip route prepend 10.0.0.0/8 via 192.0.2.7
ip route
ip route change 10.0.0.0/8 via 192.0.2.8
ip route
! ip route add
! ip route foo
ip route flush table main
ip route
! ip route add 10.11.0.0/16 via 192.0.2.2
