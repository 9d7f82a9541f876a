package netsim.model;

/** The kinds of network device the model has, with what the kernel reports for each. */
public enum DeviceKind {
  LOOPBACK(null, "loopback", 0, 0, 65536),
  VETH("veth", "ether", 68, 65535, 1500),
  BRIDGE("bridge", "ether", 68, 65535, 1500),
  DUMMY("dummy", "ether", 0, 0, 1500);

  /** The {@code type} word of {@code ip link add}, and IFLA_INFO_KIND; null for lo. */
  public final String infoKind;
  /** {@code link/ether} or {@code link/loopback}. */
  public final String linkType;

  public final int minMtu;
  public final int maxMtu;
  public final int defaultMtu;

  DeviceKind(String infoKind, String linkType, int minMtu, int maxMtu, int defaultMtu) {
    this.infoKind = infoKind;
    this.linkType = linkType;
    this.minMtu = minMtu;
    this.maxMtu = maxMtu;
    this.defaultMtu = defaultMtu;
  }

  public static DeviceKind byInfoKind(String kind) {
    for (DeviceKind k : values()) {
      if (kind.equals(k.infoKind)) {
        return k;
      }
    }
    return null;
  }
}
