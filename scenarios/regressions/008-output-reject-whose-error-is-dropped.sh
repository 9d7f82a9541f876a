# A REJECT in OUTPUT fails ping's sendmsg with EPERM only when its ICMP error comes back to the
# socket; when a rule drops the error too (in OUTPUT or INPUT), the ping is as silent as after a
# DROP. Found by the differential fuzzer: "iptables -A OUTPUT -p icmp -j REJECT" rejects the
# echo request and then drops its own port-unreachable.
ip link set lo up
ip link add eth0 type veth peer name eth1
ip addr add 10.0.1.5/16 dev eth0
ip link set eth0 up
ip link set eth1 up
iptables -A OUTPUT -p icmp -j REJECT
! ping -c1 -W2 10.0.1.5
! ping -c1 -W2 10.0.1.9
iptables -R OUTPUT 1 -p icmp --icmp-type echo-request -j REJECT
! ping -c1 -W2 10.0.1.9
iptables -A INPUT -p icmp -j DROP
! ping -c1 -W2 10.0.1.9
iptables -D INPUT 1
iptables -A OUTPUT -p icmp -j DROP
! ping -c1 -W2 10.0.1.9
iptables -F OUTPUT
iptables -A OUTPUT -p icmp --icmp-type echo-request -j REJECT --reject-with icmp-net-unreachable
! ping -c2 -i0.2 -W2 10.0.1.9
iptables -A OUTPUT -p icmp -j DROP
! ping -c2 -i0.2 -W2 10.0.1.9
iptables -L OUTPUT -v -n
