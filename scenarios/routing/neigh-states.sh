# The neighbour states ping leaves behind (B15), one entry per listing (several entries are
# listed in hash order, which is random): INCOMPLETE while ARP is still asking, FAILED after
# three unanswered probes, REACHABLE after an answer, STALE for an entry learned from someone
# else's request, DELAY once a STALE entry is used; and manual ones.
ip netns add a
ip netns add b
ip -n a link add eth0 address 02:00:00:00:00:0a type veth peer name eth0 netns b address 02:00:00:00:00:0b
ip -n a addr add 10.0.0.1/24 dev eth0
ip -n b addr add 10.0.0.2/24 dev eth0
ip -n a link set eth0 up
ip -n b link set eth0 up
ip -n a link set lo up
ip -n b link set lo up

# a asks for 10.0.0.9, which nobody has: INCOMPLETE while it asks, FAILED after 3 s.
! ip netns exec a ping -c1 -W1 10.0.0.9
ip -n a neigh show 10.0.0.9
ip -n a -j neigh show 10.0.0.9
! ip netns exec a ping -c1 -W3 10.0.0.9
ip -n a neigh show 10.0.0.9
ip -n a -j neigh show 10.0.0.9
ip -n a neigh show nud failed
ip -n a neigh del 10.0.0.9 dev eth0

# a pings b: a's entry is REACHABLE (b answered its request); b learned a from that request
# (STALE), then used the entry for its echo reply (DELAY).
ip netns exec a ping -c1 -W1 10.0.0.2
ip -n a neigh show 10.0.0.2
ip -n b neigh show 10.0.0.1
ip -n b -j neigh show 10.0.0.1
ip -n a neigh show nud reachable
ip -n b neigh show nud delay
ip -n a neigh show nud stale

# Flushing takes the learned entries; a manual one stays unless named.
ip -n a neigh add 10.0.0.50 lladdr 02:00:00:00:00:50 dev eth0
ip -n a neigh add 10.0.0.51 lladdr 02:00:00:00:00:51 dev eth0 nud noarp
ip -n a neigh add 10.0.0.52 lladdr 02:00:00:00:00:52 dev eth0 nud stale
# NOARP entries are listed only when asked for (the listing with all of them includes IPv6
# ones, in hash order).
ip -n a neigh show 10.0.0.51
ip -n a neigh show 10.0.0.51 nud noarp
ip -n a neigh show 10.0.0.51 nud all
ip -n a neigh show 10.0.0.52
ip -n a neigh show 10.0.0.52 nud stale nud reachable
ip -n a neigh flush dev eth0
ip -n a neigh show 10.0.0.2
ip -n a neigh show 10.0.0.52
ip -n a neigh show 10.0.0.50
ip -n a neigh show nud permanent
ip -n a neigh show nud perm
ip -n a neigh show nud 0x80
! ip -n a neigh show nud bogus
! ip -n a neigh show nud 0x3
ip -n a neigh del 10.0.0.50 dev eth0
ip -n a neigh del 10.0.0.51 dev eth0

# A manual entry with the wrong MAC breaks the path: the frames go to nobody.
ip -n a neigh replace 10.0.0.2 lladdr 02:00:00:00:00:99 dev eth0 nud permanent
! ip netns exec a ping -c1 -W1 10.0.0.2
ip -n a neigh replace 10.0.0.2 lladdr 02:00:00:00:00:0b dev eth0 nud permanent
ip netns exec a ping -c1 -W1 10.0.0.2
ip -n a neigh show 10.0.0.2

# Taking the link down flushes every entry of the device, permanent ones too; the peer loses
# its carrier, which takes only the entries that are not permanent.
ip -n b neigh add 10.0.0.77 lladdr 02:00:00:00:00:77 dev eth0
ip -n a neigh add 10.0.0.78 lladdr 02:00:00:00:00:78 dev eth0 nud stale
ip -n b link set eth0 down
ip -n b neigh show dev eth0
# (the carrier event waits for linkwatch, up to 1 s here: both ends have index 2, so it is not
# urgent; a ping with nobody to answer waits that out)
! ip netns exec a ping -c1 -W2 10.0.0.2
ip -n a neigh show dev eth0
# A flush asked for permanent entries takes them.
ip -n a neigh flush dev eth0 nud permanent
ip -n a neigh show dev eth0
