# Two tenants use the same private range, 10.0.0.0/24, each behind its own router, and meet in
# a shared middle network, 100.64.0.0/24, a bridge in the namespace mid. The server srv there
# has no route to 10.0.0.0/24 (it could not tell the tenants apart): each router puts its own
# middle address as the source of its tenant's traffic with SNAT, and conntrack takes the
# answers back to the right tenant.

ip netns add mid
ip netns add srv
ip netns add a
ip netns add ra
ip netns add b
ip netns add rb
ip -n mid link add br0 type bridge
ip -n mid link set br0 up
ip -n mid link add pa type veth peer name eth1 netns ra
ip -n mid link add pb type veth peer name eth1 netns rb
ip -n mid link add ps type veth peer name eth0 netns srv
ip -n mid link set pa master br0
ip -n mid link set pb master br0
ip -n mid link set ps master br0
ip -n mid link set pa up
ip -n mid link set pb up
ip -n mid link set ps up
ip -n srv addr add 100.64.0.10/24 dev eth0
ip -n srv link set eth0 up
ip -n srv link set lo up

ip -n ra link add ta type veth peer name eth0 netns a
ip -n ra addr add 10.0.0.1/24 dev ta
ip -n ra addr add 100.64.0.1/24 dev eth1
ip -n ra link set ta up
ip -n ra link set eth1 up
ip -n a addr add 10.0.0.2/24 dev eth0
ip -n a link set eth0 up
ip -n a route add default via 10.0.0.1
ip netns exec ra sysctl -w net.ipv4.ip_forward=1

ip -n rb link add tb type veth peer name eth0 netns b
ip -n rb addr add 10.0.0.1/24 dev tb
ip -n rb addr add 100.64.0.2/24 dev eth1
ip -n rb link set tb up
ip -n rb link set eth1 up
ip -n b addr add 10.0.0.2/24 dev eth0
ip -n b link set eth0 up
ip -n b route add default via 10.0.0.1
ip netns exec rb sysctl -w net.ipv4.ip_forward=1

# the routers reach the server; the tenants do not get answers
ip netns exec ra ping -c1 -W1 100.64.0.10
ip netns exec rb ping -c1 -W1 100.64.0.10
! ip netns exec a ping -c1 -W1 100.64.0.10
! ip netns exec b ping -c1 -W1 100.64.0.10

# each router hides its tenant behind its own middle address
ip netns exec ra iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -o eth1 -j SNAT --to-source 100.64.0.1
ip netns exec rb iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -o eth1 -j SNAT --to-source 100.64.0.2
ip netns exec a ping -c1 -W1 100.64.0.10
ip netns exec b ping -c1 -W1 100.64.0.10
ip netns exec a ping -c1 -W1 100.64.0.10
ip netns exec ra iptables -t nat -L POSTROUTING -n -v
ip netns exec rb iptables -t nat -L POSTROUTING -n -v

# the server can reach the routers' middle addresses, not the tenants
ip netns exec srv ping -c1 -W1 100.64.0.1
ip netns exec srv ping -c1 -W1 100.64.0.2
! ip netns exec srv ping -c1 -W1 10.0.0.2
