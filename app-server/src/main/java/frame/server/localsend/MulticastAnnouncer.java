package frame.server.localsend;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.SocketException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LocalSend discovery: announces FRAME to 224.0.0.167:53317 once at start, and answers each
 * announcement that asks for answers ({@code announce: true}) as the protocol says: first by
 * registering with the device that announced ({@link Registrar}), and only when that fails with
 * its own announcement, not asking back. Answers run off the listening thread, a few at a time;
 * a flood of announcements beyond that goes unanswered. No LAN, no announcements: failing to
 * join the group is logged, and FRAME is still reachable by address.
 */
final class MulticastAnnouncer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MulticastAnnouncer.class);
  static final String GROUP = "224.0.0.167";
  static final int PORT = 53317;

  private final ObjectMapper json = new ObjectMapper();
  private final MulticastSocket socket;
  private final InetSocketAddress group;
  private final Messages.DeviceInfo self;
  private final Registrar registrar;
  private final ThreadPoolExecutor answers = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS,
      new ArrayBlockingQueue<>(16), Thread.ofPlatform().daemon().name("localsend-answer-", 0).factory(),
      new ThreadPoolExecutor.DiscardPolicy());

  private MulticastAnnouncer(MulticastSocket socket, InetSocketAddress group, Messages.DeviceInfo self,
      Registrar registrar) {
    this.socket = socket;
    this.group = group;
    this.self = self;
    this.registrar = registrar;
    answers.allowCoreThreadTimeOut(true);
  }

  static MulticastAnnouncer start(Messages.DeviceInfo self, Registrar registrar) {
    try {
      MulticastSocket socket = new MulticastSocket(PORT);
      InetSocketAddress group = new InetSocketAddress(InetAddress.getByName(GROUP), PORT);
      socket.joinGroup(group, null);
      MulticastAnnouncer announcer = new MulticastAnnouncer(socket, group, self, registrar);
      announcer.send(true);
      Thread.ofPlatform().daemon().name("localsend-multicast").start(announcer::listen);
      return announcer;
    } catch (IOException e) {
      log.warn("LocalSend discovery is off (cannot join {}:{}: {}); senders can still type FRAME's address",
          GROUP, PORT, e.getMessage());
      return null;
    }
  }

  private void send(boolean announce) throws IOException {
    Messages.DeviceInfo message = new Messages.DeviceInfo(self.alias(), self.version(), self.deviceModel(),
        self.deviceType(), self.fingerprint(), self.port(), self.protocol(), self.download(), announce);
    byte[] bytes = json.writeValueAsBytes(message);
    socket.send(new DatagramPacket(bytes, bytes.length, group));
  }

  private void listen() {
    byte[] buffer = new byte[8192];
    while (!socket.isClosed()) {
      try {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.receive(packet);
        Messages.DeviceInfo other = json.readValue(packet.getData(), 0, packet.getLength(), Messages.DeviceInfo.class);
        InetAddress from = packet.getAddress();
        if (Boolean.TRUE.equals(other.announce()) && !self.fingerprint().equals(other.fingerprint())) {
          answers.execute(() -> answer(from, other));
        }
      } catch (SocketException e) {
        return; // closed
      } catch (IOException | RuntimeException e) {
        log.debug("Ignoring a LocalSend datagram: {}", e.getMessage());
      }
    }
  }

  /** Registers with the device at {@code from}; the multicast answer only when that fails. */
  private void answer(InetAddress from, Messages.DeviceInfo other) {
    if (registrar.register(from, other)) return;
    try {
      send(false);
    } catch (IOException e) {
      log.debug("Could not answer a LocalSend announcement on the group: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    answers.shutdownNow();
    socket.close();
  }
}
