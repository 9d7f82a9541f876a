# iptables 1.8.9 (nf_tables) as a tool: what -L, -S and iptables-save print, how rules are
# written back in canonical form, and iptables' own errors, after which nothing has changed.
# No packets: only the rule set of the host namespace.

# a fresh namespace has no table; listing creates none
iptables-save
iptables -S
iptables -L
iptables -t nat -L -n
iptables-save

# -P creates the table, with all its built-in chains
iptables -P FORWARD DROP
iptables-save
iptables -S

# rules, written back canonically: networks, /32 hosts, implicit matches, numeric types
iptables -A INPUT -s 192.168.20.102/24 -j ACCEPT
iptables -A INPUT -p icmp --icmp-type echo-request -j DROP
iptables -A INPUT -i lo -p tcp --dport 22 -j REJECT
iptables -A INPUT ! -s 10.0.0.0/8 -d 10.1.2.3 -p udp --sport 53 -j RETURN
iptables -A FORWARD -p tcp -d 5.6.7.8 -o v1 -s 1.2.3.4 -i v0 -j ACCEPT
iptables -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
iptables -A FORWARD -m state ! --state INVALID -j LOG --log-prefix "fwd: " --log-level info
iptables -A FORWARD -p icmp --icmp-type port-unreachable -j ACCEPT
iptables -A FORWARD -p tcp --sport 53: --dport :2000 --syn -j ACCEPT
iptables -A FORWARD -s 10.0.0.1,10.0.0.2 -j REJECT --reject-with icmp-host-prohibited
iptables -S
iptables -S INPUT 3
iptables -L
iptables -L -n
iptables -L INPUT -n -v
iptables -L FORWARD -n --line-numbers
iptables -L INPUT 2
iptables -L INPUT 9

# user chains: references, jumps, goto, rename
iptables -N MY
iptables -A MY -p udp -j DROP
iptables -A INPUT -j MY
iptables -I INPUT 2 -g MY
iptables -L MY
iptables -E MY YOURS
iptables -S
iptables -L INPUT -n

# nat
iptables --table nat --append POSTROUTING --source 192.168.20.102/24 --jump MASQUERADE
iptables -t nat -A POSTROUTING -s 10.0.3.0/24 -o v1 -j SNAT --to-source 203.0.113.1
iptables -t nat -A PREROUTING -d 192.0.2.80 -j DNAT --to-destination 10.0.2.2
iptables -t nat -A PREROUTING -p tcp -d 192.0.2.80 --dport 80 -j DNAT --to-destination 10.0.2.2:8080
iptables -t nat -A PREROUTING -p tcp --dport 81 -j REDIRECT --to-ports 8081
iptables -t nat -L
iptables -t nat -L -n -v
iptables -t nat -S
iptables-save
iptables-save -t nat -c

# delete, check, replace, insert
iptables -C INPUT -s 192.168.20.7/24 -j ACCEPT
iptables -D INPUT -s 192.168.20.0/24 -j ACCEPT
! iptables -C INPUT -s 192.168.20.0/24 -j ACCEPT
iptables -R INPUT 1 -p icmp -j ACCEPT
iptables -I INPUT -p udp -j DROP
iptables -D INPUT 2
iptables -S INPUT

# errors: each says what iptables says, with its status, and changes nothing
! iptables -A INPUT -j NOSUCH
! iptables -A NOSUCH -j ACCEPT
! iptables -t nat -A FORWARD -j ACCEPT
! iptables -D INPUT -j ACCEPT
! iptables -L NOSUCH
! iptables -X INPUT
! iptables -X YOURS
! iptables -t nat -A PREROUTING -j DROP
! iptables -D INPUT 9
! iptables -I INPUT 9 -j ACCEPT
! iptables -R INPUT 9 -j ACCEPT
! iptables -N YOURS
! iptables -P YOURS ACCEPT
! iptables -P INPUT REJECT
! iptables -F NOSUCH
! iptables -A INPUT --dport 22 -j ACCEPT
! iptables -A INPUT -p tcp --dport 99999 -j ACCEPT
! iptables -A INPUT -s 300.1.1.1 -j ACCEPT
! iptables -A INPUT -s 1.2.3.4/33 -j ACCEPT
! iptables -A INPUT -p icmp --icmp-type bogus -j ACCEPT
! iptables -A INPUT -p icmp --icmp-type echo -j ACCEPT
! iptables -A INPUT -m conntrack --ctstate FOO -j ACCEPT
! iptables -A INPUT -j ACCEPT -j DROP
! iptables -A INPUT -j MASQUERADE
! iptables -t nat -A POSTROUTING -j DNAT --to-destination 1.2.3.4
! iptables -t nat -A PREROUTING -j DNAT
! iptables -A INPUT -m nosuchmatch -j ACCEPT
! iptables -A INPUT -s ! 1.2.3.4 -j ACCEPT
! iptables -A INPUT -o lo -j ACCEPT
! iptables -L -F
! iptables -D INPUT 0
! iptables -t bogus -S
! iptables
! iptables --lis
! iptables -A
! iptables -N ABCDEFGHIJKLMNOPQRSTUVWXYZABC
! iptables -N ACCEPT
iptables-save -t filter
! iptables-save -t bogus

# -F keeps policies and user chains; -X then removes unreferenced user chains
iptables -F
iptables -X
iptables -S
iptables -t nat -F
iptables -t nat -S
iptables -P FORWARD ACCEPT
iptables -Z
iptables -L -v -n

# -v says what it does: each rule as it goes into the transaction, each chain it flushes
iptables -v -A INPUT -s 1.2.3.4,5.6.7.8 -j DROP
iptables -v -C INPUT -s 1.2.3.4 -j DROP
iptables -v -D INPUT -s 5.6.7.8 -j DROP
! iptables -v -A INPUT -j MASQUERADE
! iptables -v -I INPUT 9 -j DROP
! iptables -v -D INPUT -j ACCEPT
iptables -N C
iptables -v -X C
iptables -v -Z INPUT
iptables -v -F
iptables -t raw -v -F
iptables-save

# -X of a built-in chain: refused while it has rules (by the kernel) or a policy other than
# ACCEPT (by iptables-nft)
iptables -A INPUT -j ACCEPT
! iptables -X INPUT
! iptables -Z NOSUCH
iptables -Z INPUT 1
iptables -S -Z
iptables -L INPUT -Z -v
iptables -P FORWARD DROP
! iptables -X FORWARD
iptables -S FORWARD
iptables -P FORWARD ACCEPT
iptables -X FORWARD
iptables -S FORWARD

# who may: CAP_NET_ADMIN over the namespace's owner (G9); the words are read first
! unshare -U -r iptables -L
! unshare -U -r iptables -t bogus -L
unshare -U -r iptables -V
unshare -U -r -n bash -c 'iptables -A INPUT -j DROP; iptables -S'
! setpriv --reuid=1000 --regid=1000 --clear-groups iptables-save
! setpriv --reuid=1000 --regid=1000 --clear-groups iptables -S
