# Namespace ids: per namespace, lowest free, allocated lazily (A7, A8, A9, A14).
ip netns add z
ip netns add a
ip netns add m
ip netns list
ip -j netns list
ip link add v0 type veth peer name v1 netns z
ip link add w0 type veth peer name w1 netns a
ip netns list
ip -j netns list
ip netns list-id
ip -n a netns list-id
ip -n a link
ip -n a netns list-id
ip -n a -j netns list-id
ip netns add b
ip netns add c
ip -n b link add x0 type veth peer name x1 netns c
ip -n b link set x0 netns a
ip -n a netns list-id
ip -n c -j netns list-id
ip -n b netns list-id
ip link show v0
ip -j link show v0
ip -n z link show v1
ip netns set m 7
! ip netns set m 8
ip netns list-id
ip netns del z
ip netns list-id
! ip netns add m
! ip netns del nosuch
! ip netns add bad/name
! ip netns exec nosuch true
ip netns exec a ip netns identify
ip netns identify
ip netns pids a
! ip netns pids nosuch
! ip netns add
! ip netns exec a
! ip netns foo
! ip -n nosuch link
