# iptables changes and reads a network namespace's rules through netlink, which needs
# CAP_NET_ADMIN over the namespace's owner: uid 1000 has none, root inside -r has it only over a
# network namespace made with it.

! setpriv --reuid=1000 --regid=1000 --clear-groups iptables -L
! setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r iptables -L
! unshare -U -r iptables -S
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r -n iptables -A INPUT -j ACCEPT
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r -n bash -c 'iptables -A INPUT -s 10.0.0.0/8 -j DROP; iptables -S'
iptables -S
