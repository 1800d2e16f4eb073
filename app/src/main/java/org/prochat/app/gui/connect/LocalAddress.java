package org.prochat.app.gui.connect;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Comparator;

/** This computer's address on the local network, for "use my local IP address as name". */
public final class LocalAddress {
  private LocalAddress() {}

  /**
   * The IPv4 address of an interface that is up, preferring private (site-local) ones, which is what
   * people on the same LAN know the computer by; the loopback address when there is none.
   */
  public static String guess() {
    try {
      return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
          .filter(LocalAddress::usable)
          .flatMap(NetworkInterface::inetAddresses)
          .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
          .min(Comparator.comparing(address -> !address.isSiteLocalAddress()))
          .map(InetAddress::getHostAddress)
          .orElse(InetAddress.getLoopbackAddress().getHostAddress());
    } catch (SocketException e) {
      return InetAddress.getLoopbackAddress().getHostAddress();
    }
  }

  private static boolean usable(NetworkInterface network) {
    try {
      return network.isUp() && !network.isLoopback() && !network.isVirtual();
    } catch (SocketException e) {
      return false;
    }
  }
}
