# A REJECT in the sender's own OUTPUT: the error comes back through lo and sendmsg fails with EPERM; a DROP is silent.
ip link set lo up
ip link add va type veth peer name vb
ip addr add 10.0.1.2/24 dev va
ip link set va up
ip link set vb up
iptables -A OUTPUT -p icmp --icmp-type echo-request -j DROP
! ping -c1 -W1 10.0.1.9
! ping -c2 -i0.2 -W1 10.0.1.9
iptables -R OUTPUT 1 -p icmp --icmp-type echo-request -j REJECT
! ping -c1 -W1 10.0.1.9
! ping -c2 -i0.2 -W1 10.0.1.9
iptables -R OUTPUT 1 -p icmp --icmp-type echo-request -j REJECT --reject-with icmp-host-prohibited
! ping -c1 -W1 10.0.1.9
! ping -c1 -W1 127.0.0.1
iptables -L OUTPUT -v -n
iptables -L INPUT -v -n
