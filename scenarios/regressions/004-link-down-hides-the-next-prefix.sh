# Found by the simulator's brute-force route lookup oracle on a generated network (jqwik shrank
# it to 2 namespaces and 7 links; minimised by hand): taking eth0 down removes its broadcast
# route 10.0.1.255 from table local, and the model's prefix index then also forgot the next
# prefix in table order, 127.0.0.0/8, so 127.0.0.2 had no route (a TreeMap entry read after its
# iterator removed it holds its successor's key).
ip netns add n0
ip netns add n1
ip -n n0 link set lo up
ip -n n1 link set lo up
ip -n n1 link add eth0 type veth peer name eth12 netns n0
ip -n n1 addr add 10.0.1.1/24 dev eth0
ip -n n0 addr add 10.0.1.1/24 dev eth12
ip -n n1 link set eth0 up
ip -n n0 link set eth12 up
ip -n n1 route get 127.0.0.2
ip -n n1 link set eth0 down
ip -n n1 route get 127.0.0.2
ip netns exec n1 ping -c1 -W1 127.0.0.2
ip -n n1 -4 route show table all
