package netsim.cmd.ip;

import java.math.BigDecimal;
import netsim.model.Bridge;
import netsim.model.Device;

/**
 * What {@code ip -d link show} prints for a bridge ({@code bridge_print_opt}, iproute2 6.1
 * ip/iplink_bridge.c) and for a bridge port ({@code bridge_slave_print_opt}), text and JSON.
 *
 * <p>Most fields are a new bridge's fixed defaults. What varies: the bridge id (the bridge's MAC,
 * printed with {@code %x}, so without leading zeros, which is also why the diff's MAC normaliser
 * cannot catch it: scenarios that show it set the MACs), the port's state, number and id, and
 * two timers that run in real time: the bridge's {@code gc_timer} while it is up, and a port's
 * {@code forward_delay_timer} for 15 s after it is enabled. Those two are worked out from the
 * model's clock here, and cannot agree with a kernel's: scenarios show {@code -d} only while the
 * bridge is down, or once the port has been enabled for more than 15 s.
 */
final class BridgeDetails {
  private BridgeDetails() {}

  /** {@code br_dump_bridge_id}: priority 0x8000, then the MAC's bytes in {@code %x}. */
  static String bridgeId(long mac) {
    StringBuilder sb = new StringBuilder("8000.");
    for (int i = 5; i >= 0; i--) {
      sb.append(Integer.toHexString((int) (mac >>> (8 * i)) & 0xff));
      if (i > 0) {
        sb.append(':');
      }
    }
    return sb.toString();
  }

  /** A timer's remaining time in centiseconds, as {@code %4i.%.2i} prints it. */
  private static String timerText(long ms) {
    long cs = Math.max(0, ms) / 10;
    return String.format("%4d.%02d", cs / 100, cs % 100);
  }

  private static BigDecimal timerJson(long ms) {
    long cs = Math.max(0, ms) / 10;
    return new BigDecimal(String.format("%d.%02d", cs / 100, cs % 100));
  }

  /** The FDB garbage collection: first HZ/10 after the bridge opens, then every ageing time. */
  static long gcTimerMs(Bridge b, long now) {
    if (b.openedAt() < 0) {
      return 0;
    }
    long t = now - b.openedAt();
    if (t < Bridge.GC_FIRST_MS) {
      return Bridge.GC_FIRST_MS - t;
    }
    return Bridge.AGEING_MS - (t - Bridge.GC_FIRST_MS) % Bridge.AGEING_MS;
  }

  static long forwardDelayTimerMs(Bridge.Port p, long now) {
    if (p.enabledAt() < 0) {
      return 0;
    }
    long left = p.enabledAt() + Bridge.FORWARD_DELAY_MS - now;
    return left > 0 ? left : 0;
  }

  /** The bridge's line after {@code "\n    bridge "}. */
  static String bridgeText(Device br, long now) {
    Bridge b = Bridge.of(br);
    String id = bridgeId(b.bridgeIdAddr());
    return "forward_delay 1500 hello_time 200 max_age 2000 ageing_time 30000 stp_state 0 "
        + "priority 32768 vlan_filtering 0 bridge_id " + id + " designated_root " + id + " "
        + "root_port 0 root_path_cost 0 topology_change 0 topology_change_detected 0 "
        + "hello_timer " + timerText(0) + " tcn_timer " + timerText(0) + " "
        + "topology_change_timer " + timerText(0) + " gc_timer " + timerText(gcTimerMs(b, now))
        + " group_fwd_mask 0 group_address 01:80:c2:00:00:00 mcast_snooping 1 "
        + "no_linklocal_learn 0 mcast_vlan_snooping 0 mcast_router 1 mcast_query_use_ifaddr 0 "
        + "mcast_querier 0 mcast_hash_elasticity 16 mcast_hash_max 4096 "
        + "mcast_last_member_count 2 mcast_startup_query_count 2 "
        + "mcast_last_member_interval 100 mcast_membership_interval 26000 "
        + "mcast_querier_interval 25500 mcast_query_interval 12500 "
        + "mcast_query_response_interval 1000 mcast_startup_query_interval 3124 "
        + "mcast_stats_enabled 0 mcast_igmp_version 2 mcast_mld_version 1 nf_call_iptables 0 "
        + "nf_call_ip6tables 0 nf_call_arptables 0 ";
  }

  static Json.Obj bridgeJson(Device br, long now) {
    Bridge b = Bridge.of(br);
    String id = bridgeId(b.bridgeIdAddr());
    return Json.obj().put("forward_delay", 1500).put("hello_time", 200).put("max_age", 2000)
        .put("ageing_time", 30000).put("stp_state", 0).put("priority", 32768)
        .put("vlan_filtering", 0).put("bridge_id", id).put("root_id", id).put("root_port", 0)
        .put("root_path_cost", 0).put("topology_change", 0).put("topology_change_detected", 0)
        .put("hello_timer", timerJson(0)).put("tcn_timer", timerJson(0))
        .put("topology_change_timer", timerJson(0)).put("gc_timer", timerJson(gcTimerMs(b, now)))
        .put("group_fwd_mask", "0").put("group_addr", "01:80:c2:00:00:00")
        .put("mcast_snooping", 1).put("no_linklocal_learn", 0).put("mcast_vlan_snooping", 0)
        .put("mcast_router", 1).put("mcast_query_use_ifaddr", 0).put("mcast_querier", 0)
        .put("mcast_hash_elasticity", 16).put("mcast_hash_max", 4096)
        .put("mcast_last_member_cnt", 2).put("mcast_startup_query_cnt", 2)
        .put("mcast_last_member_intvl", 100).put("mcast_membership_intvl", 26000)
        .put("mcast_querier_intvl", 25500).put("mcast_query_intvl", 12500)
        .put("mcast_query_response_intvl", 1000).put("mcast_startup_query_intvl", 3124)
        .put("mcast_stats_enabled", 0).put("mcast_igmp_version", 2).put("mcast_mld_version", 1)
        .put("nf_call_iptables", 0).put("nf_call_ip6tables", 0).put("nf_call_arptables", 0);
  }

  /** The port's line after {@code "\n    bridge_slave "}. */
  static String portText(Bridge.Port p, long now) {
    String id = bridgeId(p.bridge().bridgeIdAddr());
    return "state " + p.state().text + " priority 32 cost " + p.cost() + " hairpin off "
        + "guard off root_block off fastleave off learning on flood on port_id 0x"
        + Integer.toHexString(p.portId()) + " port_no 0x" + Integer.toHexString(p.portNo())
        + " designated_port " + p.portId() + " designated_cost 0 designated_bridge " + id
        + " designated_root " + id + " hold_timer " + timerText(0) + " message_age_timer "
        + timerText(0) + " forward_delay_timer " + timerText(forwardDelayTimerMs(p, now))
        + " topology_change_ack 0 config_pending 0 proxy_arp off proxy_arp_wifi off "
        + "mcast_router 1 mcast_fast_leave off mcast_flood on bcast_flood on "
        + "mcast_to_unicast off neigh_suppress off group_fwd_mask 0 group_fwd_mask_str 0x0 "
        + "vlan_tunnel off isolated off locked off ";
  }

  static Json.Obj portJson(Bridge.Port p, long now) {
    String id = bridgeId(p.bridge().bridgeIdAddr());
    return Json.obj().put("state", p.state().text).put("priority", 32).put("cost", p.cost())
        .put("hairpin", false).put("guard", false).put("root_block", false)
        .put("fastleave", false).put("learning", true).put("flood", true)
        .put("id", "0x" + Integer.toHexString(p.portId()))
        .put("no", "0x" + Integer.toHexString(p.portNo())).put("designated_port", p.portId())
        .put("designated_cost", 0).put("bridge_id", id).put("root_id", id)
        .put("hold_timer", timerJson(0)).put("message_age_timer", timerJson(0))
        .put("forward_delay_timer", timerJson(forwardDelayTimerMs(p, now)))
        .put("topology_change_ack", 0).put("config_pending", 0).put("proxy_arp", false)
        .put("proxy_arp_wifi", false).put("multicast_router", 1).put("mcast_flood", true)
        .put("bcast_flood", true).put("mcast_to_unicast", false).put("neigh_suppress", false)
        .put("group_fwd_mask", "0").put("group_fwd_mask_str", "0x0").put("vlan_tunnel", false)
        .put("isolated", false).put("locked", false);
  }

  /** {@code tso_max_size}: a bridge starts with the legacy 64 KiB, then takes its ports'. */
  static int tsoMaxSize(Device d) {
    if (d.kind == netsim.model.DeviceKind.BRIDGE && !Bridge.of(d).hadPorts()) {
      return 65536;
    }
    return 524280;
  }
}
