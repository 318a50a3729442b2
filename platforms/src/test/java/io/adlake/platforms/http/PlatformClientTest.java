package io.adlake.platforms.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A platform that stalls cannot hold a run: every exchange has a deadline, body included. */
class PlatformClientTest {

  @Test
  void anAnswerWhoseBodyStallsFailsTheAttemptAndIsTriedAgainThenGivenUp() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/report",
        exchange -> {
          calls.incrementAndGet();
          // Headers and the first bytes, then nothing: a stalled download.
          exchange.sendResponseHeaders(200, 1_000);
          OutputStream body = exchange.getResponseBody();
          body.write("{\"rows\":[".getBytes());
          body.flush();
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.close();
        });
    server.start();
    try {
      PlatformClient client =
          new PlatformClient(
              "ttd",
              new PlatformClient.Policy(
                  2,
                  Duration.ofMillis(10),
                  Duration.ofMillis(10),
                  Duration.ZERO,
                  Duration.ofSeconds(2),
                  Duration.ofSeconds(1),
                  Duration.ofSeconds(1)),
              RetrySignals.HTTP);
      URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/report");
      long started = System.nanoTime();
      assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(uri).build(), "read a page"))
          .isInstanceOf(PlatformException.class)
          .hasMessageContaining("no whole answer within 1 s")
          .hasMessageContaining("gave up after 2 attempts");
      assertThat(calls).hasValue(2);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    } finally {
      release.countDown();
      server.stop(0);
    }
  }
}
