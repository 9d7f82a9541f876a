# Policy rules: default rules, priorities, errors, and lookups through them (B13, B10).
ip rule
ip -j rule
ip rule add from 192.0.2.0/24 table 100
ip rule add to 10.0.0.0/8 lookup 200 priority 500
ip rule add iif v0 table main
ip rule add fwmark 0x5 table 7
ip rule
! ip rule add from 192.0.2.0/24 table 100 pref 32765
ip rule add from 192.0.2.0/24 table 100
ip rule add not from 10.0.0.0/8 lookup 5
ip rule add from 10.0.0.0/8 to 10.1.0.0/16 iif lo oif lo lookup 5
ip rule add to 10.51.0.0/16 prohibit pref 50
ip rule add fwmark 0x5/0xff lookup 8
ip rule
ip -j rule
! ip rule del pref 12345
ip rule del pref 50
! ip rule add
! ip rule add from 300.0.0.1 table 5
! ip rule add table foo
ip link add v0 type veth peer name v1
ip link set v0 up
ip link set v1 up
ip addr add 198.51.100.1/24 dev v0
ip route add 10.1.0.0/16 via 198.51.100.2 table 100
ip rule add to 10.1.0.0/16 table 100 pref 90
ip route get 10.1.0.1
ip route get 198.51.100.1
ip rule flush
ip rule
! ip route get 198.51.100.9
