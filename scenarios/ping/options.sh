# ping's output, options and exit statuses (D1-D3).
ip link add v0 type veth peer name v1
ip addr add 192.0.2.1/24 dev v0
ip link set v0 up
ip link set v1 up
ping -c1 -W1 192.0.2.1
ping -c2 -i0.2 -W1 127.0.0.1
ping -q -c2 -i0.2 127.0.0.1
ping -c1 -s 2000 127.0.0.1
ping -c1 -I v0 192.0.2.1
ping -c1 -I 192.0.2.1 127.0.0.1
! ping -c1 -I nosuch 127.0.0.1
! ping -c1 -I 10.9.9.9 127.0.0.1
! ping
! ping -c0 127.0.0.1
! ping -c1 -W1 nosuchhost.invalid
! ping -c1 -W1 192.0.2.255
! ping -c1 -W1 10.0.0.1
ping -c1 -W abc 127.0.0.1
ping -c1 -i abc 127.0.0.1
ping -c1 0.0.0.0
ping -c1 -w1 127.0.0.1
ping -w1 -i0.3 127.0.0.1
ping -c1 -n 127.0.0.2
