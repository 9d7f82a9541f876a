# Device names and ip link errors (A11, A15, H2, H3).
ip link add name a type veth
ip -br link
! ip link add a type veth
! ip link add b type veth peer c
ip link add name v0 type veth
! ip link add v0 type veth peer name x0
! ip link add name aaaaaaaaaaaaaaaa type veth
! ip link add aaaaaaaaaaaaaaaa type veth
! ip link add name bad/name type veth
! ip link add bad/name type veth
! ip link del nosuch
! ip link show nosuch
! ip link set v0 foo
! ip link foo
! ip foo
! ip -x link
! ip link add d0 type dummy
! ip link add x1 type veth peer name x1
! ip link set v0 address zz
! ip link set v0 mtu 70000
! ip link set v0 mtu 60
ip link set v0 mtu 9000
ip link show v0
ip link set v0 name v0new
ip link show v0new
ip link set v0new up
ip link set v0new name v0again
ip link set dev v0again txqueuelen 500
ip -d link show v0again
ip link add type veth
ip -br link
! ip link add
! ip link set
