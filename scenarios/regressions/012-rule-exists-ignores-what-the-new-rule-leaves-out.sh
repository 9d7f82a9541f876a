# ip rule add sets NLM_F_EXCL, and the kernel's rule_exists compares action, table,
# priority, devices and mark, but not 'not', and the new rule's from/to/tos only when it gives
# them: 'pref 32765 lookup 101' exists when 'to 10.0.1.128/25 pref 32765 lookup 101' does.
# A /0 prefix is no selector at all (shown and deleted as 'all'). Found by the differential fuzzer.
ip rule add to 10.0.1.128/25 pref 32765 lookup 101
! ip rule add pref 32765 lookup 101
ip rule add from 10.0.0.0/8 pref 32765 lookup 101
! ip rule add not to 10.0.1.128/25 pref 32765 lookup 101
ip rule add to 10.0.1.0/25 pref 32765 lookup 101
! ip rule add from all pref 32765 lookup 101
! ip rule add from 0.0.0.0/0 pref 32765 lookup 101
ip rule add pref 32765 lookup 102
ip rule add pref 32765 unreachable
ip rule add to 10.0.2.0/24 pref 32765 unreachable
ip rule add fwmark 1 pref 100 table 100
ip rule add fwmark 1 to 10.0.0.0/8 pref 100 table 100
ip rule add fwmark 1/0xff pref 100 table 100
ip rule add iif lo pref 100 table 100
ip rule add pref 100 table 100
ip rule add pref 0 lookup local
ip rule add pref 32766 lookup main
ip rule add tos 0x10 pref 32766 lookup main
ip rule
ip rule add from 0.0.0.0/0 to 0.0.0.0/0 pref 5 lookup 101
ip rule add to 0/0 pref 6 lookup 101
ip rule
ip -j rule
ip rule del from 0.0.0.0/0 pref 5
ip rule del pref 6 to 0.0.0.0/0
ip rule
