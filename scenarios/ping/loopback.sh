# What happens when lo is down (C10).
ip netns add a
! ip netns exec a ping -c1 -W1 127.0.0.1
ip -n a link add v0 type veth peer name v1
ip -n a addr add 192.0.2.1/24 dev v0
ip -n a link set v0 up
ip -n a link set v1 up
! ip netns exec a ping -c1 -W1 192.0.2.1
ip -n a link set lo up
ip netns exec a ping -c1 -W1 192.0.2.1
ip netns exec a ping -c1 -W1 127.0.0.9
ip -n a link set lo down
! ip netns exec a ping -c1 -W1 127.0.0.1
