# rp_filter strict versus loose on an asymmetric path (C9). Two sites, a (10.1.0.0/24) behind
# router ra and b (10.2.0.0/24) behind rb, joined by two links. ra sends towards b over link 1,
# rb sends back over link 2: each router receives on the link its own route back does not use.
ip netns add a
ip netns add ra
ip netns add rb
ip netns add b
ip -n a link add eth0 type veth peer name lan netns ra
ip -n b link add eth0 type veth peer name lan netns rb
ip -n ra link add l1 type veth peer name l1 netns rb
ip -n ra link add l2 type veth peer name l2 netns rb
ip -n a addr add 10.1.0.2/24 dev eth0
ip -n ra addr add 10.1.0.1/24 dev lan
ip -n b addr add 10.2.0.2/24 dev eth0
ip -n rb addr add 10.2.0.1/24 dev lan
ip -n ra addr add 172.16.1.1/30 dev l1
ip -n rb addr add 172.16.1.2/30 dev l1
ip -n ra addr add 172.16.2.1/30 dev l2
ip -n rb addr add 172.16.2.2/30 dev l2
ip -n a link set eth0 up
ip -n b link set eth0 up
ip -n ra link set lan up
ip -n rb link set lan up
ip -n ra link set l1 up
ip -n rb link set l1 up
ip -n ra link set l2 up
ip -n rb link set l2 up
ip -n ra link set lo up
ip -n rb link set lo up
ip -n a route add default via 10.1.0.1
ip -n b route add default via 10.2.0.1
ip -n ra route add 10.2.0.0/24 via 172.16.1.2
ip -n rb route add 10.1.0.0/24 via 172.16.2.1
ip netns exec ra sysctl -q -w net.ipv4.ip_forward=1
ip netns exec rb sysctl -q -w net.ipv4.ip_forward=1

# No filtering: the asymmetric path works, with one hop each way.
ip netns exec a ping -c1 -W1 10.2.0.2
ip -n rb route get 10.2.0.2 from 10.1.0.2 iif l1
ip -n ra route get 10.1.0.2 from 10.2.0.2 iif l2

# Strict on rb (all=1): a's packets arrive on l1, but the way back to a is l2.
ip netns exec rb sysctl -w net.ipv4.conf.all.rp_filter=1
! ip netns exec a ping -c1 -W1 10.2.0.2
! ip -n rb route get 10.2.0.2 from 10.1.0.2 iif l1
ip -n rb route get 10.2.0.2 from 10.1.0.2 iif l2
# Loose on l1 only: max(all, l1) is 2, any route back will do.
ip netns exec rb sysctl -w net.ipv4.conf.l1.rp_filter=2
ip netns exec a ping -c1 -W1 10.2.0.2
ip -n rb -j route get 10.2.0.2 from 10.1.0.2 iif l1
# Strict on l1, off in all: max is 1 again.
ip netns exec rb sysctl -w net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.l1.rp_filter=1
! ip netns exec a ping -c1 -W1 10.2.0.2
# Local delivery is checked too: rb's l1 address arrives over l1 and is refused, while its l2
# address arrives over l2, where the way back is.
! ip netns exec a ping -c1 -W1 172.16.1.2
ip netns exec a ping -c1 -W1 172.16.2.2
ip netns exec rb sysctl -w net.ipv4.conf.l1.rp_filter=2

# Strict on ra's l2: b's replies are dropped on the way back.
ip netns exec ra sysctl -w net.ipv4.conf.l2.rp_filter=1
! ip netns exec a ping -c1 -W1 10.2.0.2
! ip -n ra route get 10.1.0.2 from 10.2.0.2 iif l2
ip netns exec ra sysctl -w net.ipv4.conf.default.rp_filter=2
! ip netns exec a ping -c1 -W1 10.2.0.2
ip netns exec ra sysctl net.ipv4.conf.l2.rp_filter net.ipv4.conf.all.rp_filter

# Symmetric routes make strict filtering everywhere pass.
ip -n rb route replace 10.1.0.0/24 via 172.16.1.1
ip netns exec rb sysctl -w net.ipv4.conf.all.rp_filter=1 net.ipv4.conf.l1.rp_filter=1
ip netns exec ra sysctl -w net.ipv4.conf.all.rp_filter=1
ip netns exec a ping -c1 -W1 10.2.0.2
ip -n rb route get 10.2.0.2 from 10.1.0.2 iif l1
! ip -n rb route get 10.2.0.2 from 10.1.0.2 iif l2
# A source nobody routes fails strict and loose alike: there is no way back at all.
ip netns exec rb sysctl -w net.ipv4.conf.l2.rp_filter=2
! ip -n rb route get 10.2.0.2 from 10.77.0.1 iif l2
# Only with no filtering at all does it pass.
ip netns exec rb sysctl -w net.ipv4.conf.l2.rp_filter=0 net.ipv4.conf.all.rp_filter=0
ip -n rb route get 10.2.0.2 from 10.77.0.1 iif l2
