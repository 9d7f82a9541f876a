# ip route get reports the uid that asks, as its own user namespace sees it (65534 when unmapped).
ip link set lo up
ip route get 127.0.0.1
setpriv --reuid=1000 --regid=1000 --clear-groups ip route get 127.0.0.1
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U -r ip route get 127.0.0.1
setpriv --reuid=1000 --regid=1000 --clear-groups unshare -U ip route get 127.0.0.1
unshare -U --map-user=5 ip route get 127.0.0.1
ip -j route get 127.0.0.1
