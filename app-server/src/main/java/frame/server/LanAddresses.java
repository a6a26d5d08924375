package frame.server;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** This machine's IPv4 addresses other devices can reach: up, not loopback, multicast-capable interfaces. */
public final class LanAddresses {
  private LanAddresses() {}

  public static List<InetAddress> find() {
    List<InetAddress> found = new ArrayList<>();
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback() || !nic.supportsMulticast()) continue;
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (address instanceof Inet4Address) found.add(address);
        }
      }
    } catch (SocketException e) {
      // none to be found: the caller says so
    }
    return found;
  }
}
