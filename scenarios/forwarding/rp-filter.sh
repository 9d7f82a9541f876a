# rp_filter: effective value is max(all, dev); strict needs the route back to use the ingress,
# loose any route back (C9). h sends from ha with its hb address; r's route back uses rb.
ip netns add h
ip netns add r
ip -n r link add ra type veth peer name ha netns h
ip -n r link add rb type veth peer name hb netns h
ip -n r addr add 10.0.1.1/24 dev ra
ip -n h addr add 10.0.1.2/24 dev ha
ip -n r addr add 10.0.3.1/24 dev rb
ip -n h addr add 10.0.3.2/24 dev hb
ip -n r link set ra up
ip -n r link set rb up
ip -n h link set ha up
ip -n h link set hb up
ip -n r link set lo up
ip -n h link set lo up
ip netns exec h ping -c1 -W1 -I 10.0.3.2 10.0.1.1
ip netns exec r ip route get 10.0.1.1 from 10.0.3.2 iif ra
ip netns exec r sysctl -w net.ipv4.conf.ra.rp_filter=1
! ip netns exec h ping -c1 -W1 -I 10.0.3.2 10.0.1.1
! ip netns exec r ip route get 10.0.1.1 from 10.0.3.2 iif ra
ip netns exec r sysctl -w net.ipv4.conf.ra.rp_filter=2
ip netns exec h ping -c1 -W1 -I 10.0.3.2 10.0.1.1
ip netns exec r sysctl -w net.ipv4.conf.all.rp_filter=1 net.ipv4.conf.ra.rp_filter=0
! ip netns exec h ping -c1 -W1 -I 10.0.3.2 10.0.1.1
ip netns exec r sysctl -w net.ipv4.conf.ra.rp_filter=2
ip netns exec h ping -c1 -W1 -I 10.0.3.2 10.0.1.1
ip netns exec r sysctl -w net.ipv4.conf.all.rp_filter=2 net.ipv4.conf.ra.rp_filter=1
ip netns exec h ping -c1 -W1 -I 10.0.3.2 10.0.1.1
ip netns exec r sysctl -w net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.ra.rp_filter=0
ip netns exec r ip route get 10.0.1.1 from 10.0.3.2 iif ra
